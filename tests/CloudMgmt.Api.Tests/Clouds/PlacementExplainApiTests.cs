using System.Net;
using CloudMgmt.Api.Tests.Infrastructure;

namespace CloudMgmt.Api.Tests.Clouds;

/// <summary>
/// An allocation keeps a bounded decision (the choice, the next candidates, refusal counts); the complete
/// table of every cloud's verdicts is recomputed on demand by GET /api/v1/allocations/{id}/placement.
/// </summary>
public sealed class PlacementExplainApiTests : IDisposable
{
    private readonly ControllerFactory _factory = new();

    public PlacementExplainApiTests()
    {
        _factory.Settings["Sandbox:RegisterDefaults"] = "true";
        _factory.Settings["Reconcile:InventoryInterval"] = "01:00:00";
        _factory.Settings["Reconcile:GrantInterval"] = "01:00:00";
    }

    public void Dispose() => _factory.Dispose();

    private async Task<(HttpClient Op, string Id)> PlacedOnArmAsync()
    {
        var op = _factory.Operator();
        await ApiCalls.SeedAsync(op, vcpu: 10_000, memoryGiB: 40_000);
        var created = await op.Post("/api/v1/allocations", new
        {
            tenant = "health", resources = new { vcpu = 16, memoryGiB = 64 }, constraints = new { xinchuang = "true" },
        }).Expect(HttpStatusCode.Created);
        return (op, created.Str("id"));
    }

    [Fact]
    public async Task Get_PlacedAllocation_KeepsTheChoiceAndTheRefusalCountsNotEveryCloud()
    {
        var (op, id) = await PlacedOnArmAsync();

        var placement = (await op.GetAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK))["decision"]!["placement"]!;

        Assert.False(placement["complete"]!.GetValue<bool>());
        Assert.Equal(2, placement["cloudsEvaluated"]!.GetValue<int>());
        Assert.Equal("xinchuang-arm", placement["clouds"]!.AsArray().Single()!.Str("cloudId"));
        Assert.Equal("""{"architecture":1}""", placement["refusedBy"]!.ToJsonString());
    }

    [Fact]
    public async Task Explain_PlacedAllocation_RecomputesEveryCloudsVerdictsAndSaysSo()
    {
        var (op, id) = await PlacedOnArmAsync();
        var kept = (await op.GetAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK))["decision"]!["placement"]!;

        var explained = await op.GetAsync($"/api/v1/allocations/{id}/placement").Expect(HttpStatusCode.OK);

        Assert.Equal(id, explained.Str("allocation"));
        Assert.Equal("Placed", explained.Str("status"));
        Assert.True(explained["recomputed"]!.GetValue<bool>());
        Assert.Contains("recomputed", explained.Str("note"), StringComparison.Ordinal);
        Assert.Equal(kept.ToJsonString(), explained["decided"]!.ToJsonString());
        var current = explained["current"]!;
        Assert.True(current["complete"]!.GetValue<bool>());
        Assert.Equal(["province-x86", "xinchuang-arm"], current["clouds"]!.AsArray().Select(c => c!.Str("cloudId")));
        var x86 = current["clouds"]!.AsArray().Single(c => c!.Str("cloudId") == "province-x86")!;
        Assert.Contains(x86["verdicts"]!.AsArray(), v => v!.Str("filter") == "architecture" && !v!["passed"]!.GetValue<bool>());
        Assert.Equal("xinchuang-arm", current["shares"]![0]!.Str("cloudId"));
        // Explaining changes nothing: the room held on the cloud is the allocation's alone.
        Assert.Equal(16, (await op.GetAsync("/api/v1/clouds/xinchuang-arm").Expect(HttpStatusCode.OK)).Long("reserved.vcpu"));
    }

    [Fact]
    public async Task Explain_UnknownAllocation_404()
    {
        var (op, _) = await PlacedOnArmAsync();

        using var response = await op.GetAsync("/api/v1/allocations/health-nosuch/placement");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
