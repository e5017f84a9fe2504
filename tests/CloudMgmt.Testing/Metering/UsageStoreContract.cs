using CloudMgmt.Domain.Metering;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Domain.Usage;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Grains.Usage;

namespace CloudMgmt.Testing.Metering;

/// <summary>
/// What every <see cref="IUsageStore"/> must do, written once and run against SQLite and PostgreSQL
/// (each store's test class calls these from its own [Fact]s). Each check uses its own cloud and
/// tenant names, so the checks may share one database.
/// </summary>
public sealed class UsageStoreContract(IUsageStore store)
{
    private static readonly DateOnly Day = new(2026, 11, 16);
    private static readonly MeteringMonth November = new(2026, 11);
    private static readonly long Hour = MeteringCalendar.China.FirstHour(Day) + 10; // 10:00 local

    private readonly string _p = Guid.NewGuid().ToString("N")[..8];

    private MeteredGrant Grant(string id, string tenant = "health", string cloud = "x86") => MeteredGrant.Of(_p + cloud, _p + id, _p + tenant, _p + "pool");

    private static MeterTotals Totals(long vcpu, long used, long ms = MeteringCalendar.MsPerHour)
    {
        var t = new MeterTotals();
        t.AddStep(ResourceVector.Of(("vcpu", vcpu), ("memoryGiB", 4 * vcpu)), ResourceVector.Of(("vcpu", used)), ms);
        return t;
    }

    private static ClosedGrantHour Closed(MeteredGrant grant, long hour, MeterTotals totals, bool idle = false) =>
        new(grant, hour, MeteringCalendar.China.DayOf(hour), MeteringCalendar.China.MonthOf(hour), totals, idle, (long)Math.Round((totals.MaxEfficiency ?? 0) * 1e6));

    private static UsageWrite Write(IEnumerable<MeteredGrant> series, params ClosedGrantHour[] closed) => new(Hour, series.ToList(), closed, []);

    private async Task<IReadOnlyList<DaySum>> DaysOfTenantAsync(string tenant, DayGrouping? grouping = null) =>
        await store.SumDaysAsync(Day, Day.AddDays(1), grouping ?? new DayGrouping(DayBucket.Day, true, true, true), _p + tenant);

    public async Task Write_ClosedHour_CountsIntoItsDayAndMonthAndIsReadBack()
    {
        var a = Grant("a");
        await store.WriteAsync(Write([a], Closed(a, Hour, Totals(8, 2)), Closed(a, Hour + 1, Totals(8, 0, 1_800_000), idle: true)));

        var days = await DaysOfTenantAsync("health");
        var vcpu = Assert.Single(days, d => d.Resource == "vcpu");
        Assert.Equal((Day.DayNumber, _p + "x86", _p + "health", _p + "pool"), (vcpu.Bucket, vcpu.CloudId!, vcpu.Tenant!, vcpu.Pool!));
        Assert.Equal((8L * 5_400_000, 2L * 3_600_000, 5_400_000L), (vcpu.GrantedMs, vcpu.UsedMs, vcpu.HeldMs));
        Assert.Equal(32L * 5_400_000, Assert.Single(days, d => d.Resource == "memoryGiB").GrantedMs);

        var month = (await store.ReadMonthAsync(November, _p + "health")).Single(m => m.Resource == "vcpu");
        Assert.Equal((a, 8L * 5_400_000, 2, 1, 250_000L), (month.Grant, month.GrantedMs, month.HeldHours, month.IdleHours, month.MaxEfficiencyPpm));

        var hours = await store.ReadHoursAsync(Hour, Hour + 2, _p + "health");
        Assert.Equal([Hour, Hour + 1], hours.Select(h => h.Hour).Order());
        Assert.Equal(2L * 3_600_000, hours.Single(h => h.Hour == Hour).Totals["vcpu"].UsedMs);
        Assert.Equal(a, hours[0].Grant);
    }

    public async Task Write_SameWriteTwice_CountsOnce()
    {
        var a = Grant("a");
        var write = Write([a], Closed(a, Hour, Totals(8, 2)));

        await store.WriteAsync(write);
        await store.WriteAsync(write);

        Assert.Equal(8L * 3_600_000, (await DaysOfTenantAsync("health")).Single(d => d.Resource == "vcpu").GrantedMs);
        Assert.Equal(1, (await store.ReadMonthAsync(November, _p + "health")).Single(m => m.Resource == "vcpu").HeldHours);
    }

    /// <summary>Two silos (two activations of a cloud's meter) close the same hour at once: it counts once, as the first stored it.</summary>
    public async Task Write_SameHourFromTwoWritersAtOnce_CountsOnce()
    {
        var grants = Enumerable.Range(0, 50).Select(i => Grant("g" + i)).ToList();
        var first = Write(grants, grants.Select(g => Closed(g, Hour, Totals(4, 1))).ToArray());
        var second = Write(grants, grants.Select(g => Closed(g, Hour, Totals(4, 3))).ToArray());

        await Task.WhenAll(Task.Run(() => store.WriteAsync(first)), Task.Run(() => store.WriteAsync(second)));

        var vcpu = (await DaysOfTenantAsync("health")).Single(d => d.Resource == "vcpu");
        Assert.Equal(50L * 4 * 3_600_000, vcpu.GrantedMs);
        Assert.Contains(vcpu.UsedMs, new[] { 50L * 3_600_000, 50L * 3 * 3_600_000 }); // all from one writer
        Assert.All(await store.ReadMonthAsync(November, _p + "health"), m => Assert.Equal(1, m.HeldHours));
    }

    public async Task Write_OpenHour_IsReadBackForItsCloud_UntilTheHourIsClosed()
    {
        var a = Grant("a");
        var last = new UsageSample(MeteringCalendar.HourStart(Hour).AddMinutes(20), ResourceVector.Of(("vcpu", 8)), ResourceVector.Of(("vcpu", 3)));
        await store.WriteAsync(new UsageWrite(Hour, [a], [], [new OpenHourRow(a.Series, a.CloudId, Hour, Totals(8, 3, 1_200_000), last, false)]));

        var (grant, row) = Assert.Single(await store.ReadOpenAsync(a.CloudId));
        Assert.Empty(await store.ReadOpenAsync(_p + "other-cloud"));
        await store.WriteAsync(Write([], Closed(a, Hour, Totals(8, 3))));

        Assert.Equal(a, grant);
        Assert.Equal((Hour, 8L * 1_200_000, false), (row.Hour, row.Totals["vcpu"].GrantedMs, row.LastSpent));
        Assert.Equal(last, row.Last);
        Assert.Empty(await store.ReadOpenAsync(a.CloudId));
    }

    public async Task SumDays_ByPeriodAndMonth_SplitsAndKeepsOnlyTheDimensionsAsked()
    {
        var a = Grant("a");
        var b = Grant("b", cloud: "arm");
        var firstHour = MeteringCalendar.China.FirstHour(Day);
        await store.WriteAsync(Write([a, b], Closed(a, firstHour - 24, Totals(1, 0)), Closed(a, firstHour, Totals(2, 0)), Closed(b, firstHour + 24, Totals(4, 0))));

        var periods = await store.SumDaysAsync(Day.AddDays(-1), Day.AddDays(2), new DayGrouping(DayBucket.Period, false, true, false, [Day.AddDays(-1), Day]), _p + "health");
        var months = await store.SumDaysAsync(Day.AddDays(-1), Day.AddDays(2), new DayGrouping(DayBucket.Month, false, false, false), _p + "health");

        Assert.Equal([(0, 3_600_000L), (1, 6L * 3_600_000)], periods.Where(p => p.Resource == "vcpu").OrderBy(p => p.Bucket).Select(p => (p.Bucket, p.GrantedMs)));
        Assert.All(periods, p => Assert.Equal((null, _p + "health", null), (p.CloudId, p.Tenant, p.Pool)));
        Assert.Equal((November.Index, 7L * 3_600_000), months.Where(m => m.Resource == "vcpu").Select(m => (m.Bucket, m.GrantedMs)).Single());
    }

    public async Task Reclaims_AreReadBackByWindowAndTenant_OldestFirst()
    {
        var at = MeteringCalendar.HourStart(Hour);
        var early = new ReclaimRecord(at, _p + "a", _p + "health", _p + "pool", _p + "x86", ResourceVector.Of(("vcpu", 4)), "idle for a day");
        var late = early with { At = at.AddHours(2), AllocationId = _p + "b" };
        var other = early with { At = at.AddHours(1), Tenant = _p + "police" };
        foreach (var r in new[] { late, early, other })
            await store.AddReclaimAsync(r);

        Assert.Equal([early, late], await store.ReadReclaimsAsync(at, at.AddHours(3), _p + "health"));
        Assert.Equal([early], await store.ReadReclaimsAsync(at, at.AddHours(1), _p + "health"));
    }

    public async Task DeleteBefore_RemovesWhatIsPastRetention_AndKeepsTheRest()
    {
        var old = Grant("old");
        var recent = Grant("recent");
        var oldHour = Hour - 24 * 100;
        await store.WriteAsync(Write([old, recent], Closed(old, oldHour, Totals(1, 0)), Closed(recent, oldHour, Totals(1, 0)), Closed(recent, Hour, Totals(2, 0))));
        await store.AddReclaimAsync(new ReclaimRecord(MeteringCalendar.HourStart(oldHour), _p + "old", _p + "health", _p + "pool", _p + "x86", ResourceVector.Of(("vcpu", 1)), "idle"));

        var cutoffDay = MeteringCalendar.China.DayOf(Hour - 24 * 50);
        var result = await store.DeleteBeforeAsync(new RetentionCutoff(Hour - 24 * 10, cutoffDay, MeteringCalendar.China.FirstHour(cutoffDay)));

        Assert.True(result.Hours >= 2 && result.Days >= 1 && result.Reclaims >= 1, result.ToString());
        Assert.Equal([Hour], (await store.ReadHoursAsync(oldHour, Hour + 1, _p + "health")).Select(h => h.Hour));
        Assert.Empty(await store.SumDaysAsync(cutoffDay.AddDays(-60), cutoffDay, new DayGrouping(DayBucket.Day, false, true, false), _p + "health"));
        Assert.Single(await store.SumDaysAsync(Day, Day.AddDays(1), new DayGrouping(DayBucket.Day, false, true, false), _p + "health"), d => d.Resource == "vcpu");
        Assert.Empty(await store.ReadReclaimsAsync(MeteringCalendar.HourStart(oldHour), MeteringCalendar.HourStart(Hour), _p + "health"));
    }
}
