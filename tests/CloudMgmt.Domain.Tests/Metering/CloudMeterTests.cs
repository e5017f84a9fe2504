using CloudMgmt.Domain.Metering;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Domain.Tests.Metering;

public sealed class CloudMeterTests
{
    private static readonly MeterSettings Settings = MeterSettings.Default with { FlushEvery = TimeSpan.FromMinutes(5) };

    private static MeterObservation Seen(string id, long vcpu, long used, string tenant = "health") =>
        new(id, tenant, "pool-" + tenant, ResourceVector.Of(("vcpu", vcpu)), ResourceVector.Of(("vcpu", used)));

    /// <summary>Passes every <paramref name="every"/> from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive); every write, in order.</summary>
    private static List<UsageWrite> Run(CloudMeter meter, DateTimeOffset from, DateTimeOffset to, TimeSpan every, Func<DateTimeOffset, IReadOnlyList<MeterObservation>> seen)
    {
        var writes = new List<UsageWrite>();
        for (var at = from; at < to; at += every)
            writes.Add(meter.Record(at, seen(at)));
        return writes;
    }

    [Fact]
    public void Record_AcrossTheProvincesMidnight_PutsEachHourInItsCivilDay()
    {
        var meter = new CloudMeter("x86", Settings);
        var start = new DateTimeOffset(2026, 11, 16, 15, 0, 0, TimeSpan.Zero); // 23:00 in Beijing

        var closed = Run(meter, start, start.AddHours(2).AddMinutes(1), TimeSpan.FromMinutes(1), _ => [Seen("a", 4, 1)]).SelectMany(w => w.Closed).ToList();

        Assert.Equal([new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 17)], closed.Select(c => c.Day));
        Assert.All(closed, c => Assert.Equal(4L * 3_600_000, c.Totals["vcpu"].GrantedMs));
    }

    [Fact]
    public void Record_AcrossTheMonthsEnd_PutsEachHourInItsMonth()
    {
        var meter = new CloudMeter("x86", Settings);
        var start = new DateTimeOffset(2026, 11, 30, 15, 30, 0, TimeSpan.Zero); // 23:30 on 30 November in Beijing

        var closed = Run(meter, start, start.AddHours(1).AddMinutes(1), TimeSpan.FromMinutes(1), _ => [Seen("a", 4, 1)]).SelectMany(w => w.Closed).ToList();

        Assert.Equal(new MeteringMonth(2026, 11), Assert.Single(closed).Month);
        Assert.Equal(30 * 60_000, closed[0].Totals.HeldMs);
    }

    [Fact]
    public void Record_SeriesOnce_HoursInProgressEveryFlushInterval()
    {
        var meter = new CloudMeter("x86", Settings);
        var start = new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero);

        var writes = Run(meter, start, start.AddMinutes(11), TimeSpan.FromMinutes(1), _ => [Seen("a", 4, 1), Seen("b", 2, 2)]);

        Assert.Equal(["a", "b"], writes[0].Series.Select(s => s.AllocationId));
        Assert.All(writes.Skip(1), w => Assert.Empty(w.Series));
        Assert.Equal([0, 5, 10], writes.Select((w, i) => (w, i)).Where(x => x.w.Open.Count > 0).Select(x => x.i));
        Assert.Equal(2, writes[10].Open.Count);
        Assert.Equal(4L * 10 * 60_000, writes[10].Open.Single(o => o.Series == writes[0].Series[0].Series).Totals["vcpu"].GrantedMs);
    }

    [Fact]
    public void Record_IdleHour_IsMarkedIdleWithItsEfficiency()
    {
        var meter = new CloudMeter("x86", Settings);
        var start = new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero);

        var closed = Run(meter, start, start.AddHours(2).AddMinutes(1), TimeSpan.FromMinutes(1), at => [Seen("a", 100, at < start.AddHours(1) ? 4 : 6)])
            .SelectMany(w => w.Closed).ToList();

        Assert.Equal([(true, 40_000L), (false, 60_000L)], closed.Select(c => (c.Idle, c.MaxEfficiencyPpm)));
    }

    [Fact]
    public void Restore_AfterARestartInTheMiddleOfAnHour_CountsTheHourOnceAndLosesNothingWhenFlushedEveryPass()
    {
        var settings = Settings with { FlushEvery = TimeSpan.FromSeconds(10) };
        var start = new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero);
        var restartAt = start.AddMinutes(31).AddSeconds(5);
        IReadOnlyList<MeterObservation> Seen10(DateTimeOffset at) => [Seen("a", 8, at.Minute % 8)];

        var whole = Run(new CloudMeter("x86", settings), start, start.AddHours(1).AddMinutes(1), TimeSpan.FromSeconds(10), Seen10).SelectMany(w => w.Closed).ToList();

        var first = new CloudMeter("x86", settings);
        var open = Run(first, start, restartAt, TimeSpan.FromSeconds(10), Seen10).Last(w => w.Open.Count > 0).Open; // the store's open rows
        var second = new CloudMeter("x86", settings);
        second.Restore(open.Select(o => (MeteredGrant.Of("x86", "a", "health", "pool-health"), o)), restartAt);
        var resumed = Run(second, restartAt.AddSeconds(5), start.AddHours(1).AddMinutes(1), TimeSpan.FromSeconds(10), Seen10).SelectMany(w => w.Closed).ToList();

        Assert.Equal(whole.Single().Totals.ToString(), resumed.Single().Totals.ToString());
        Assert.Equal(3_600_000, resumed.Single().Totals.HeldMs);
    }

    [Fact]
    public void Tick_CloudStopsAnswering_ClosesTheHoursAfterTheMaxStep()
    {
        var meter = new CloudMeter("x86", Settings);
        var start = new DateTimeOffset(2026, 11, 16, 2, 50, 0, TimeSpan.Zero);
        meter.Record(start, [Seen("a", 4, 1)]);

        var early = meter.Tick(start.AddMinutes(4));
        var late = meter.Tick(start.AddHours(2));

        Assert.Empty(early.Closed);
        Assert.Equal(5 * 60_000, Assert.Single(late.Closed).Totals.HeldMs);
        Assert.Equal(0, meter.Tracking);
    }
}
