using CloudMgmt.Domain.Elastic;
using CloudMgmt.Domain.Metering;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Grains.Tests.Infrastructure;
using CloudMgmt.Grains.Usage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.TestingHost;

namespace CloudMgmt.Grains.Tests.Usage;

[Collection(ClusterCollection.Name)]
public sealed class CloudUsageGrainTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    private readonly string _cloud = "cloud-" + Guid.NewGuid().ToString("N");

    /// <summary>A whole hour after the fixture's clock: the grain's timer, ticking on that clock, must not close these hours early.</summary>
    private DateTimeOffset Later => MeteringCalendar.HourStart(MeteringCalendar.HourOf(ClusterFixture.Clock.GetUtcNow()) + 25);

    // Each test has its own cloud: the grain is keyed by cloud id.
    private ICloudUsageGrain Cloud() => fixture.Grains.GetGrain<ICloudUsageGrain>(_cloud);

    private IUsageStore Store => ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<IUsageStore>();

    private static GrantUsageSample Grant(string id, long granted, long used) =>
        new(id, "tenant-" + id, "pool-" + id, ResourceVector.Of(("vcpu", granted)), ResourceVector.Of(("vcpu", used)));

    private async Task PassesAsync(DateTimeOffset from, int minutes, params GrantUsageSample[] grants)
    {
        for (var m = 0; m < minutes; m++)
            await Cloud().Record(new UsageSnapshot(from.AddMinutes(m), grants));
    }

    /// <summary>Held time stored for the tenant in the hour of <paramref name="from"/> and the next.</summary>
    private async Task<long> StoredHeldMsAsync(string tenant, DateTimeOffset from) =>
        (await Store.ReadHoursAsync(MeteringCalendar.HourOf(from), MeteringCalendar.HourOf(from) + 2, tenant)).Sum(h => h.Totals.HeldMs);

    [Fact]
    public async Task Windows_ThresholdsGiven_KeepRunsFromTheLatestSampleOnInsteadOfPoints()
    {
        var cloud = Cloud();
        await cloud.Record(new UsageSnapshot(T0, [Grant("a", 10, 9), Grant("b", 10, 1)]));
        var before = await cloud.Windows();

        await cloud.Track([new WindowsRequest("a", new ElasticThresholds(0.8, 0.3, 0.05), T0)]);
        for (var pass = 1; pass <= 360; pass++) // an hour of passes every ten seconds
        {
            await cloud.Record(new UsageSnapshot(T0.AddSeconds(10 * pass), [Grant("a", 10, pass == 100 ? 7 : 9), Grant("b", 10, 1)]));
        }

        var a = (await cloud.Windows()).Single(w => w.AllocationId == "a");
        var vcpu = Assert.Single(a.Resources).Value;
        Assert.All(before, w => Assert.Null(w.Thresholds)); // until the elastic pass says which rules apply
        Assert.Null((await cloud.Windows()).Single(w => w.AllocationId == "b").Thresholds);
        Assert.Equal((T0, T0.AddHours(1)), (a.FirstAt, a.LastAt));
        Assert.Equal(T0.AddSeconds(1010), vcpu.HighSince); // the run of 0.9 after the dip to 0.7
        Assert.Null(vcpu.LowSince);
    }

    [Fact]
    public async Task Windows_GrantNotSeenForLongerThanRetention_IsForgotten()
    {
        var cloud = Cloud();
        await cloud.Record(new UsageSnapshot(T0, [Grant("gone", 8, 1), Grant("kept", 8, 1)]));

        await cloud.Record(new UsageSnapshot(T0.AddHours(23), [Grant("kept", 8, 2)]));
        var before = await cloud.Windows();
        await cloud.Record(new UsageSnapshot(T0.AddHours(24).AddMinutes(1), [Grant("kept", 8, 3)]));

        Assert.Equal(2, before.Count);
        Assert.Equal(["kept"], (await cloud.Windows()).Select(s => s.AllocationId));
    }

    [Fact]
    public async Task Record_PassesThroughAnHour_StoreTheClosedHourOnceInItsDay()
    {
        var start = Later;
        var a = Grant("a-" + _cloud, 8, 2);

        await PassesAsync(start, 61, a);

        var hour = Assert.Single(await Store.ReadHoursAsync(MeteringCalendar.HourOf(start), MeteringCalendar.HourOf(start) + 2, a.Tenant));
        Assert.Equal(new ResourceTotals(8 * 3_600_000L, 2 * 3_600_000L, 8, 2), hour.Totals["vcpu"]);
        var day = MeteringCalendar.China.DayOf(start);
        var sums = await Store.SumDaysAsync(day, day.AddDays(1), new DayGrouping(DayBucket.Day, true, true, true), a.Tenant);
        Assert.Equal((_cloud, 8 * 3_600_000L), sums.Select(s => (s.CloudId!, s.GrantedMs)).Single());
    }

    [Fact]
    public async Task Deactivate_InTheMiddleOfAnHour_TheNextActivationContinuesTheHour()
    {
        var start = Later;
        var a = Grant("a-" + _cloud, 4, 1);
        await PassesAsync(start, 31, a);

        await Cloud().Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Eventually.WaitUntilAsync(IsActiveAsync, active => !active);
        await PassesAsync(start.AddMinutes(31), 30, a); // activates again, from the store

        Assert.Equal(3_600_000, await StoredHeldMsAsync(a.Tenant, start));
    }

    [Fact]
    public async Task Tick_NoPassAfterTheGrantsLastSample_ClosesTheHourWithTheCappedStep()
    {
        var at = ClusterFixture.Clock.GetUtcNow();
        var a = Grant("a-" + _cloud, 4, 1);
        await Cloud().Record(new UsageSnapshot(at, [a]));

        // Past the end of the hour after it (the capped step may reach into it), and no further: the clock is the fixture's.
        ClusterFixture.Clock.Advance(MeteringCalendar.HourStart(MeteringCalendar.HourOf(at) + 2) - at + TimeSpan.FromMinutes(1));
        await Cloud().Tick();

        Assert.Equal(5 * 60_000, await StoredHeldMsAsync(a.Tenant, at)); // Metering:MaxStep
    }

    [Fact]
    public async Task Reclaimed_Window_ReturnsTheStoredRecordsOfThisCloudInsideIt()
    {
        var cloud = Cloud();
        var early = new ReclaimRecord(T0, "a", "t", "p", _cloud, ResourceVector.Of(("vcpu", 4)), "idle");
        var late = early with { At = T0.AddHours(2), AllocationId = "b" };
        await cloud.RecordReclaim(early);
        await cloud.RecordReclaim(late);
        await cloud.RecordReclaim(late with { CloudId = "another-cloud", AllocationId = "c" });

        var reclaimed = await cloud.Reclaimed(T0.AddHours(1), T0.AddHours(3));

        Assert.Equal([late], reclaimed);
    }

    private async Task<bool> IsActiveAsync()
    {
        var id = Cloud().GetGrainId();
        return (await fixture.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics()).Any(s => s.GrainId == id);
    }
}
