using System.Net;
using System.Text.Json.Nodes;
using CloudMgmt.Adapters.OpenStack.Tests.Infrastructure;
using CloudMgmt.Api.Tests.Infrastructure;

namespace CloudMgmt.Adapters.OpenStack.Tests.EndToEnd;

/// <summary>
/// A real service of the OpenStack stopped mid-run: the cloud's breaker opens, placement sends new
/// requests elsewhere, nothing already granted is lost, and the cloud is used again once Placement is back.
/// </summary>
[Collection(OpenStackCollection.Name)]
public sealed class OpenStackFaultTests(OpenStackPeer peer) : IDisposable
{
    private const string CloudId = "gov-openstack";
    private readonly ControllerFactory _factory = NewFactory();
    private readonly string _tenant = "fault-" + Guid.NewGuid().ToString("N")[..8];

    private static ControllerFactory NewFactory()
    {
        var factory = new ControllerFactory();
        factory.Settings["Sandbox:RegisterDefaults"] = "true"; // somewhere else to go (security level 3)
        factory.Settings["Reconcile:InventoryInterval"] = "01:00:00";
        factory.Settings["Reconcile:GrantInterval"] = "01:00:00";
        factory.Settings["Resilience:RetryDelay"] = "00:00:00.010";
        factory.Settings["Resilience:BreakerOpenFor"] = "00:00:01";
        factory.Settings["Resilience:AttemptTimeout"] = "00:01:00";
        return factory;
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task PlacementStopped_BreakerOpensRequestsGoElsewhereNothingLost_ThenCloudIsUsedAgain()
    {
        var op = _factory.Operator();
        await OpenStackEndToEndTests.RegisterAsync(op, peer, CloudId, securityLevel: "4");
        await OpenStackEndToEndTests.SeedTenantAsync(op, _tenant);
        var before = await RequestAsync(op, new { minSecurityLevel = "4" });
        Assert.Equal(CloudId, CloudOf(before));
        await ReconcileAsync(op);
        var ready = await op.GetAsync($"/api/v1/allocations/{before.Str("id")}").Expect(HttpStatusCode.OK);
        Assert.True(ready.Str("status") == "Ready", ready.ToJsonString());

        peer.Stop("placement");
        try
        {
            var cloud = await ReconcileAsync(op);
            for (var pass = 0; pass < 8 && !Detail(cloud).Contains("circuit breaker", StringComparison.Ordinal); pass++)
                cloud = await ReconcileAsync(op);
            Assert.False(cloud["health"]!["healthy"]!.GetValue<bool>());
            Assert.Contains("circuit breaker", Detail(cloud), StringComparison.Ordinal);

            for (var i = 0; i < 3; i++)
                Assert.NotEqual(CloudId, CloudOf(await RequestAsync(op, new { })));
            Assert.Equal("Ready", await StatusAsync(op, before));
        }
        finally
        {
            await peer.StartAgainAsync();
        }

        var back = await ReconcileAsync(op);
        for (var pass = 0; pass < 20 && !back["health"]!["healthy"]!.GetValue<bool>(); pass++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1200)); // the breaker stays open for Resilience:BreakerOpenFor
            back = await ReconcileAsync(op);
        }
        Assert.True(back["health"]!["healthy"]!.GetValue<bool>(), Detail(back));

        var after = await RequestAsync(op, new { minSecurityLevel = "4" });
        await ReconcileAsync(op);
        Assert.Equal(CloudId, CloudOf(after));
        Assert.Equal("Ready", await StatusAsync(op, after));
        Assert.Equal("Ready", await StatusAsync(op, before));
        var ledger = (await peer.Admin.ProjectOfAsync(_tenant))!["cloudmgmt_grants"]!.AsObject();
        Assert.Equal(2, ledger.Count);

        await op.DeleteAsync($"/api/v1/allocations/{before.Str("id")}").Expect(HttpStatusCode.OK);
        await op.DeleteAsync($"/api/v1/allocations/{after.Str("id")}").Expect(HttpStatusCode.OK);
        await ReconcileAsync(op);
    }

    private async Task<JsonNode> RequestAsync(HttpClient op, object constraints) =>
        await op.Post("/api/v1/allocations", new { tenant = _tenant, resources = new { vcpu = 2, memoryGiB = 1 }, constraints }).Expect(HttpStatusCode.Created);

    private static string CloudOf(JsonNode allocation) => allocation["decision"]!["placement"]!["shares"]![0]!.Str("cloudId");

    private static async Task<string> StatusAsync(HttpClient op, JsonNode allocation) =>
        (await op.GetAsync($"/api/v1/allocations/{allocation.Str("id")}").Expect(HttpStatusCode.OK)).Str("status");

    private static string Detail(JsonNode cloud) => cloud["health"]!.Str("detail");

    private static Task<JsonNode> ReconcileAsync(HttpClient op) => op.PostAsync($"/api/v1/clouds/{CloudId}/reconcile", null).Expect(HttpStatusCode.OK);
}
