using System.Net;
using System.Text.Json.Nodes;
using CloudMgmt.Adapters;
using CloudMgmt.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CloudMgmt.Api.Tests.Elastic;

/// <summary>Elastic grow and shrink through the API on a fake clock (policy: grow at 0.8 for 5m by 25%, shrink at 0.3 for 10m to peak x 1.2).</summary>
[Collection(ElasticCollection.Name)]
public sealed class ResizeApiTests : IDisposable
{
    private readonly ElasticHarness _h = new();

    public void Dispose() => _h.Dispose();

    private long Granted(string id, string resource) =>
        _h.Services.GetServices<ICloudAdapterFactory>().OfType<DialSandboxFactory>().Single().CloudFor(ElasticHarness.CloudId)
            .List().Single(g => g.AllocationId == id).Granted[resource];

    private static JsonNode? Event(JsonNode allocation, string startsWith) =>
        allocation["history"]!.AsArray().LastOrDefault(e => e!.Str("message").StartsWith(startsWith, StringComparison.Ordinal));

    [Fact]
    public async Task Grow_UsageAboveHighWatermarkForTheWindow_GrowsOneStepWithTheNumbersInTheHistory()
    {
        await _h.StartAsync();
        var id = await _h.ReadyAllocationAsync(8, 32, usage: 0.9);
        var grows = await _h.MetricAsync("cloudmgmt_elastic_actions_total{action=\"grow\"}");

        await _h.MinutesAsync(4);
        var early = await _h.GetAsync(id);
        await _h.MinutesAsync(3);
        var after = await _h.GetAsync(id);

        Assert.Equal(8, early.Long("resources.vcpu"));
        Assert.Equal((10, 40), (after.Long("resources.vcpu"), after.Long("resources.memoryGiB")));
        Assert.Equal("Ready", after.Str("status"));
        Assert.Equal(10, Granted(id, "vcpu"));
        var grow = Event(after, "elastic grow:")!;
        Assert.Equal("system:elastic", grow.Str("by"));
        Assert.Contains("vcpu usage 0.88 ≥ 0.80 for 5m", grow.Str("message"), StringComparison.Ordinal);
        Assert.Contains("vcpu 8 → 10", grow.Str("message"), StringComparison.Ordinal);
        Assert.Contains(await _h.EventsAsync("grow"), e => e!.Str("allocationId") == id);
        Assert.Equal(grows + 1, await _h.MetricAsync("cloudmgmt_elastic_actions_total{action=\"grow\"}"));
    }

    [Fact]
    public async Task Grow_BeyondThePoolQuota_IsRefusedAndTheQuotaHoldsAtEveryStep()
    {
        await _h.StartAsync(vcpu: 12);
        var id = await _h.ReadyAllocationAsync(8, 32, usage: 1.0);
        var most = 0L;

        await _h.MinutesAsync(25, async () =>
        {
            var reserved = await _h.DepartmentReservedAsync();
            most = Math.Max(most, reserved);
            Assert.True(reserved <= 12, $"the department holds {reserved} vcpu of its 12");
        });

        var after = await _h.GetAsync(id);
        Assert.Equal(10, most); // it grew once (8 → 10); the next step (13) would not fit
        Assert.Equal(10, after.Long("resources.vcpu"));
        Assert.Contains("does not fit", Event(after, "elastic grow:")!.Str("message"), StringComparison.Ordinal);
        Assert.Contains(await _h.EventsAsync("refused"), e => e!.Str("allocationId") == id);
        Assert.Equal(10, Granted(id, "vcpu"));
    }

    [Fact]
    public async Task Grow_AboveTheApprovalThreshold_WaitsForAnOperatorThenApplies()
    {
        await _h.StartAsync(departmentExtras: new { approvalThreshold = new { vcpu = 9 } });
        var id = await _h.ReadyAllocationAsync(8, 32, usage: 0.9);
        var requests = await _h.MetricAsync("cloudmgmt_elastic_actions_total{action=\"grow_requested\"}");

        await _h.MinutesAsync(20);
        var waiting = await _h.GetAsync(id);
        var approved = await _h.Op.Post($"/api/v1/allocations/{id}/approve", new { reason = "budget 2026-18" }).Expect(HttpStatusCode.OK);
        await _h.MinutesAsync(1);

        Assert.Equal(8, waiting.Long("resources.vcpu"));
        Assert.Equal(10, waiting["elastic"]!["pendingGrow"]!.Long("resources.vcpu"));
        Assert.Contains("waits for an operator's approval", Event(waiting, "elastic grow:")!.Str("message"), StringComparison.Ordinal);
        Assert.Single(await _h.EventsAsync("grow_requested"), e => e!.Str("allocationId") == id); // one request, not one a window
        Assert.Equal(requests + 1, await _h.MetricAsync("cloudmgmt_elastic_actions_total{action=\"grow_requested\"}"));
        Assert.Equal(10, approved.Long("resources.vcpu"));
        Assert.Null(approved["elastic"]!["pendingGrow"]);
        Assert.Equal(10, await _h.DepartmentReservedAsync());
        Assert.Equal("Ready", (await _h.GetAsync(id)).Str("status"));
        Assert.Equal(10, Granted(id, "vcpu"));
    }

    [Fact]
    public async Task Shrink_UsageBelowLowWatermarkForTheWindow_ShrinksToPeakTimesHeadroomAndCountsTheReclaimed()
    {
        await _h.StartAsync();
        var id = await _h.ReadyAllocationAsync(8, 32, usage: 0.25);
        var cores = await _h.MetricAsync("cloudmgmt_reclaimed_total{resource=\"vcpu\",unit=\"core\"}");
        var bytes = await _h.MetricAsync("cloudmgmt_reclaimed_total{resource=\"memory\",unit=\"byte\"}");

        await _h.MinutesAsync(9);
        var early = await _h.GetAsync(id);
        await _h.MinutesAsync(3);
        var after = await _h.GetAsync(id);

        Assert.Equal(8, early.Long("resources.vcpu"));
        // peak use 2 vcpu and 8 GiB, times 1.2, rounded up
        Assert.Equal((3, 10), (after.Long("resources.vcpu"), after.Long("resources.memoryGiB")));
        Assert.Contains("memoryGiB 32 → 10, vcpu 8 → 3", Event(after, "elastic shrink:")!.Str("message"), StringComparison.Ordinal);
        Assert.Equal(3, await _h.DepartmentReservedAsync());
        Assert.Equal(3, Granted(id, "vcpu"));
        Assert.Equal(cores + 5, await _h.MetricAsync("cloudmgmt_reclaimed_total{resource=\"vcpu\",unit=\"core\"}"));
        Assert.Equal(bytes + (22.0 * 1024 * 1024 * 1024), await _h.MetricAsync("cloudmgmt_reclaimed_total{resource=\"memory\",unit=\"byte\"}"));
    }
}

[CollectionDefinition(Name)]
public sealed class ElasticCollection
{
    // One at a time: the elastic metrics are process-wide, and the tests read their changes.
    public const string Name = "elastic";
}
