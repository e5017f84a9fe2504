using System.Net;
using System.Text.Json.Nodes;
using CloudMgmt.Adapters.OpenStack.Tests.Infrastructure;
using CloudMgmt.Api.Tests.Infrastructure;

namespace CloudMgmt.Adapters.OpenStack.Tests.EndToEnd;

/// <summary>
/// The controller managing the real OpenStack through its API: registration, a tenant's project and
/// quota appearing in Keystone and Nova, a server booted into it showing as use, a quota changed by
/// hand repaired, and a release returning the quota.
/// </summary>
[Collection(OpenStackCollection.Name)]
public sealed class OpenStackEndToEndTests(OpenStackPeer peer) : IDisposable
{
    private const string CloudId = "gov-openstack";
    private readonly ControllerFactory _factory = NewFactory();
    private readonly string _tenant = "health-" + Guid.NewGuid().ToString("N")[..8];

    private static ControllerFactory NewFactory()
    {
        var factory = new ControllerFactory();
        factory.Settings["Reconcile:InventoryInterval"] = "01:00:00";
        factory.Settings["Reconcile:GrantInterval"] = "01:00:00"; // the test triggers every pass itself
        factory.Settings["Resilience:RetryDelay"] = "00:00:00.010";
        factory.Settings["Resilience:AttemptTimeout"] = "00:01:00";
        return factory;
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task OpenStack_RequestUseDriftRelease_AllVisibleOnTheCloudAndInTheController()
    {
        var op = _factory.Operator();
        await RegisterAsync(op, peer, CloudId, securityLevel: "4");
        await SeedTenantAsync(op, _tenant);

        var allocation = await op.Post("/api/v1/allocations", new { tenant = _tenant, resources = new { vcpu = 4, memoryGiB = 4 } }).Expect(HttpStatusCode.Created);
        var id = allocation.Str("id");
        await ReconcileAsync(op);
        Assert.Equal("Ready", (await op.GetAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK)).Str("status"));

        // Keystone has the project in the pool's domain; Nova has the quota.
        var project = await peer.Admin.ProjectOfAsync(_tenant) ?? throw new InvalidOperationException("no project in keystone");
        var projectId = project["id"]!.ToString();
        var domain = (await peer.Admin.Keystone(HttpMethod.Get, $"/domains/{project["domain_id"]}"))!["domain"]!["name"]!.ToString();
        Assert.Equal("cloudmgmt-dept", domain);
        Assert.Equal((4L, 4096L), Limits(await peer.Admin.QuotaAsync(projectId)));

        // A server booted into the project through Nova is use the controller sees.
        var server = await peer.Admin.BootServerAsync(projectId, flavorId: "1"); // m1.tiny: 1 vCPU, 512 MiB
        try
        {
            var cloud = await ReconcileAsync(op);
            Assert.Equal(1, cloud.Long("used.vcpu"));
            Assert.Equal(1, cloud.Long("used.memoryGiB"));
            // Other tests' grants live on the same peer: the cloud's total holds ours and maybe more.
            Assert.True(cloud.Long("granted.vcpu") >= 4, cloud.ToJsonString());

            // A quota changed by hand is put back, and the allocation's history says so.
            await peer.Admin.SetQuotaAsync(projectId, cores: 1, ramMiB: 1024);
            await ReconcileAsync(op);
            Assert.Equal((4L, 4096L), Limits(await peer.Admin.QuotaAsync(projectId)));
            var history = (await op.GetAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK))["history"]!.AsArray();
            Assert.Contains(history, e => e!.Str("message").Contains("repaired drift", StringComparison.Ordinal));
        }
        finally
        {
            await peer.Admin.DeleteServerAsync(server);
        }

        // Release: the grant goes, the quota returns to zero, then the allocation is Released.
        await op.DeleteAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK);
        await ReconcileAsync(op);
        Assert.Equal("Released", (await op.GetAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK)).Str("status"));
        Assert.Equal((0L, 0L), Limits(await peer.Admin.QuotaAsync(projectId)));
        Assert.Null((await peer.Admin.ProjectOfAsync(_tenant))!["cloudmgmt_grants"]![id]);
    }

    internal static async Task RegisterAsync(HttpClient op, OpenStackPeer peer, string cloudId, string securityLevel)
    {
        await op.Post("/api/v1/clouds", new
        {
            id = cloudId,
            kind = "openstack",
            region = "RegionOne",
            endpoint = peer.AuthUrl,
            allowInsecureEndpoint = true, // the test peer listens on plain http on 127.0.0.1
            credentialsRef = OpenStackTestAdapters.CredentialsRef(peer),
            labels = new Dictionary<string, string> { ["securityLevel"] = securityLevel, ["xinchuang"] = "false" },
            settings = new Dictionary<string, string> { ["requestTimeoutSeconds"] = "60" },
        }).Expect(HttpStatusCode.Created);
        var registered = await op.PostAsync($"/api/v1/clouds/{cloudId}/reconcile", null).Expect(HttpStatusCode.OK);
        Assert.True(registered["health"]!["healthy"]!.GetValue<bool>(), registered.ToJsonString());
        Assert.True(registered.Long("capacity.vcpu") > 0, registered.ToJsonString());
        Assert.DoesNotContain(peer.AdminPassword, registered.ToJsonString(), StringComparison.Ordinal);
    }

    internal static async Task SeedTenantAsync(HttpClient op, string tenant)
    {
        await op.Post("/api/v1/pools", new { id = "province", quota = new { vcpu = 0, memoryGiB = 0 } }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/pools", new { id = "city", parent = "province", quota = new { vcpu = 0 } }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/pools", new { id = "dept", parent = "city", quota = new { vcpu = 64, memoryGiB = 64 } }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/tenants", new { id = tenant, pool = "dept", displayName = "Health Commission" }).Expect(HttpStatusCode.Created);
    }

    private static Task<JsonNode> ReconcileAsync(HttpClient op) => op.PostAsync($"/api/v1/clouds/{CloudId}/reconcile", null).Expect(HttpStatusCode.OK);

    private static (long Cores, long Ram) Limits(JsonNode quota) => (quota["cores"]!["limit"]!.GetValue<long>(), quota["ram"]!["limit"]!.GetValue<long>());
}
