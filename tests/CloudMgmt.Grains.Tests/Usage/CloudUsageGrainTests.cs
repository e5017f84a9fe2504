using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Tests.Infrastructure;
using CloudMgmt.Grains.Usage;

namespace CloudMgmt.Grains.Tests.Usage;

[Collection(ClusterCollection.Name)]
public sealed class CloudUsageGrainTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    // Each test has its own cloud: the grain is keyed by cloud id.
    private ICloudUsageGrain Cloud() => fixture.Grains.GetGrain<ICloudUsageGrain>("cloud-" + Guid.NewGuid().ToString("N"));

    private static GrantUsageSample Grant(string id, long granted, long used) =>
        new(id, "tenant-" + id, "pool-" + id, ResourceVector.Of(("vcpu", granted)), ResourceVector.Of(("vcpu", used)));

    [Fact]
    public async Task Record_PassesEveryTenSeconds_KeepsOnePointPerMinutePerGrant()
    {
        var cloud = Cloud();
        for (var pass = 0; pass < 18; pass++) // three minutes of passes
        {
            await cloud.Record(new UsageSnapshot(T0.AddSeconds(10 * pass), [Grant("a", 8, pass), Grant("b", 4, 1)]));
        }

        var history = await cloud.History(null);
        var a = (await cloud.History("a")).Single();

        Assert.Equal(["a", "b"], history.Select(s => s.AllocationId).Order());
        Assert.Equal(3, a.Points.Count);
        Assert.Equal([5L, 11L, 17L], a.Points.Select(p => p.Used["vcpu"])); // the newest sample of each minute
        Assert.Equal(("tenant-a", "pool-a"), (a.Tenant, a.Pool));
    }

    [Fact]
    public async Task Record_GrantNotSeenForLongerThanRetention_IsForgotten()
    {
        var cloud = Cloud();
        await cloud.Record(new UsageSnapshot(T0, [Grant("gone", 8, 1), Grant("kept", 8, 1)]));

        await cloud.Record(new UsageSnapshot(T0.AddHours(23), [Grant("kept", 8, 2)]));
        var before = await cloud.History(null);
        await cloud.Record(new UsageSnapshot(T0.AddHours(24).AddMinutes(1), [Grant("kept", 8, 3)]));

        Assert.Equal(2, before.Count);
        Assert.Equal(["kept"], (await cloud.History(null)).Select(s => s.AllocationId));
    }

    [Fact]
    public async Task Summarize_Window_GivesTimeWeightedMeansOfSamplesInside()
    {
        var cloud = Cloud();
        long[] used = [2, 4, 6, 8, 100];
        for (var minute = 0; minute < used.Length; minute++)
        {
            await cloud.Record(new UsageSnapshot(T0.AddMinutes(minute), [Grant("a", 10, used[minute])]));
        }

        var summary = (await cloud.Summarize(T0, T0.AddMinutes(3.5))).Single();

        // 2, 4 and 6 for a minute each, 8 for the half minute left: (2 + 4 + 6 + 4) / 3.5
        Assert.Equal(5, summary.MeanUsed["vcpu"]);
        Assert.Equal(10, summary.MeanGranted["vcpu"]);
        Assert.Equal(4, summary.Samples);
        Assert.Empty(await cloud.Summarize(T0.AddHours(2), T0.AddHours(3)));
    }

    [Fact]
    public async Task Reclaimed_Window_ReturnsTheRecordsInsideIt()
    {
        var cloud = Cloud();
        var early = new ReclaimRecord(T0, "a", "t", "p", "c", ResourceVector.Of(("vcpu", 4)), "idle");
        var late = early with { At = T0.AddHours(2), AllocationId = "b" };
        await cloud.RecordReclaim(early);
        await cloud.RecordReclaim(late);

        var reclaimed = await cloud.Reclaimed(T0.AddHours(1), T0.AddHours(3));

        Assert.Equal([late], reclaimed);
        Assert.Equal(ResourceVector.Of(("vcpu", 4)), reclaimed[0].Reclaimed);
    }
}
