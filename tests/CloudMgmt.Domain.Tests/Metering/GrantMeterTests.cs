using CloudMgmt.Domain.Metering;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Domain.Usage;

namespace CloudMgmt.Domain.Tests.Metering;

public sealed class GrantMeterTests
{
    private const long MaxStep = 5 * 60_000;
    private static readonly DateTimeOffset T10 = new(2026, 11, 16, 10, 0, 0, TimeSpan.Zero);

    private static UsageSample Sample(DateTimeOffset at, long vcpu, long used) => new(at, ResourceVector.Of(("vcpu", vcpu)), ResourceVector.Of(("vcpu", used)));

    private static List<ClosedHour> Feed(GrantMeter meter, DateTimeOffset from, TimeSpan every, int count, long vcpu, Func<int, long> used)
    {
        var closed = new List<ClosedHour>();
        for (var i = 0; i < count; i++)
            meter.Observe(Sample(from + every * i, vcpu, used(i)), MaxStep, closed);
        return closed;
    }

    [Fact]
    public void Observe_PassesEveryTenSecondsAcrossTheHour_ClosesTheHourOnceWithExactIntegralsAndPeaks()
    {
        var meter = new GrantMeter();

        // 10:59:30 to 11:00:30 every 10 s; used 0, 1, 2, ...
        var closed = Feed(meter, T10.AddMinutes(59).AddSeconds(30), TimeSpan.FromSeconds(10), 7, 8, i => i);

        var hour = Assert.Single(closed);
        Assert.Equal(MeteringCalendar.HourOf(T10), hour.Hour);
        Assert.Equal(30_000, hour.Totals.HeldMs);
        Assert.Equal(new ResourceTotals(8 * 30_000, (0 + 1 + 2) * 10_000, 8, 2), hour.Totals["vcpu"]);
        Assert.Equal(MeteringCalendar.HourOf(T10) + 1, meter.OpenHour);
        Assert.Equal(3 * 10_000 + 4 * 10_000 + 5 * 10_000, meter.Open!["vcpu"].UsedMs);
    }

    [Fact]
    public void Observe_StepAcrossTheBoundary_IsSplitBetweenTheHours()
    {
        var meter = new GrantMeter();
        var closed = new List<ClosedHour>();

        meter.Observe(Sample(T10.AddMinutes(59).AddSeconds(55), 4, 4), MaxStep, closed);
        meter.Observe(Sample(T10.AddHours(1).AddSeconds(5), 4, 0), MaxStep, closed);

        Assert.Equal(4 * 5_000, Assert.Single(closed).Totals["vcpu"].GrantedMs);
        Assert.Equal(4 * 5_000, meter.Open!["vcpu"].GrantedMs);
        Assert.Equal(4 * 5_000, meter.Open!["vcpu"].UsedMs); // the step is the earlier sample's
    }

    [Fact]
    public void Observe_GapLongerThanTheMaxStep_CountsOnlyTheMaxStep()
    {
        var meter = new GrantMeter();
        var closed = new List<ClosedHour>();

        meter.Observe(Sample(T10, 2, 1), MaxStep, closed);
        meter.Observe(Sample(T10.AddMinutes(40), 2, 1), MaxStep, closed);

        Assert.Equal(MaxStep, meter.Open!.HeldMs);
    }

    [Fact]
    public void Absent_GrantMissingFromAPass_EndsItsStepThere_AndTickClosesTheHourLater()
    {
        var meter = new GrantMeter();
        var closed = new List<ClosedHour>();
        meter.Observe(Sample(T10.AddMinutes(50), 2, 1), MaxStep, closed);

        meter.Absent(T10.AddMinutes(52), MaxStep, closed);
        meter.Tick(T10.AddMinutes(59), MaxStep, closed);
        var beforeTheHourEnds = closed.Count;
        meter.Tick(T10.AddHours(1).AddMinutes(1), MaxStep, closed);

        Assert.Equal(0, beforeTheHourEnds);
        Assert.Equal(120_000, Assert.Single(closed).Totals.HeldMs);
        Assert.True(meter.IsIdle);
    }

    [Fact]
    public void Tick_NoPassForLongerThanTheMaxStep_CountsTheCappedStepAndClosesFinishedHours()
    {
        var meter = new GrantMeter();
        var closed = new List<ClosedHour>();
        meter.Observe(Sample(T10.AddMinutes(58), 2, 1), MaxStep, closed);

        meter.Tick(T10.AddHours(3), MaxStep, closed);

        Assert.Equal([2 * 60_000L, 3 * 60_000L], closed.Select(c => c.Totals.HeldMs)); // 10:58-11:00 and 11:00-11:03
    }

    [Fact]
    public void Observe_LateSampleForAClosedHour_IsNotCountedAgain()
    {
        var meter = new GrantMeter();
        var closed = Feed(meter, T10.AddMinutes(59), TimeSpan.FromMinutes(1), 2, 2, _ => 1);

        meter.Observe(Sample(T10.AddMinutes(30), 2, 2), MaxStep, closed);

        Assert.Single(closed);
        Assert.Equal(60_000, closed[0].Totals.HeldMs);
    }

    [Fact]
    public void Resume_AfterARestartInTheMiddleOfAnHour_GivesTheSameHourAsWithoutTheRestart()
    {
        var whole = new GrantMeter();
        var closedWhole = Feed(whole, T10, TimeSpan.FromSeconds(10), 361, 8, i => i % 5);

        var before = new GrantMeter();
        Feed(before, T10, TimeSpan.FromSeconds(10), 180, 8, i => i % 5);
        var stored = MeterCodec.DecodeOpen(MeterCodec.EncodeOpen(before.Open!, before.Last, before.LastSpent)); // what the store keeps
        var after = GrantMeter.Resume(before.OpenHour!.Value, stored.Totals, stored.Last, stored.LastSpent);
        var closedAfter = new List<ClosedHour>();
        for (var i = 180; i < 361; i++)
            after.Observe(Sample(T10.AddSeconds(10 * i), 8, i % 5), MaxStep, closedAfter);

        Assert.Equal(3_600_000, Assert.Single(closedWhole).Totals.HeldMs);
        Assert.Equal(closedWhole[0].Totals.ToString(), Assert.Single(closedAfter).Totals.ToString());
    }
}
