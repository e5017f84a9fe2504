using CloudMgmt.Domain.Elastic;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Domain.Usage;

namespace CloudMgmt.Domain.Tests.Elastic;

/// <summary>The elastic rules on made-up series: one sample a minute, on a fake clock.</summary>
public sealed class ElasticEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly ResourceVector Size = ResourceVector.Of(("vcpu", 10), ("memoryGiB", 40));

    /// <summary>A case: usage ratios per minute before now (oldest first), the grant's state, what must be decided.</summary>
    public sealed record Case(string Name, Func<int, (double Vcpu, double Mem)> Usage, int Minutes, GrantElasticState State, ElasticAction Expected,
        long? Vcpu = null, long? Mem = null, ElasticSettings? Settings = null, int LatestMinutesAgo = 0)
    {
        public override string ToString() => Name;
    }

    private static readonly GrantElasticState Plain = new(Size);
    private static readonly GrantElasticState MarkedIdle = Plain with
    {
        IdleSince = Now.AddHours(-30), IdleMarkedAt = Now.AddHours(-6), ReclaimAt = Now.AddHours(-1),
    };

    private static Func<int, (double, double)> Flat(double vcpu, double mem) => _ => (vcpu, mem);

    public static TheoryData<Case> Cases => new()
    {
        new Case("hot for the whole window grows both hot resources by 25%", Flat(0.9, 0.85), 20, Plain, ElasticAction.Grow, 13, 50),
        new Case("only vcpu hot grows only vcpu", Flat(0.9, 0.5), 20, Plain, ElasticAction.Grow, 13, 40),
        new Case("hot for less than the window does nothing", Flat(0.9, 0.9), 10, Plain, ElasticAction.None),
        new Case("one dip below the watermark in the window does nothing", m => m == 12 ? (0.7, 0.7) : (0.9, 0.9), 20, Plain, ElasticAction.None),
        new Case("a dip before the window does not count", m => m == 2 ? (0.1, 0.1) : (0.9, 0.9), 20, Plain, ElasticAction.Grow, 13, 50),
        new Case("a grow waiting for approval asks for no other", Flat(0.9, 0.9), 20, Plain with { GrowPending = true }, ElasticAction.None),
        new Case("the window starts again after an elastic resize", Flat(0.9, 0.9), 60, Plain with { LastActionAt = Now.AddMinutes(-10) }, ElasticAction.None),
        new Case("an absolute step adds units", Flat(0.95, 0.5), 20, Plain, ElasticAction.Grow, 12, 40,
            ElasticSettings.Default with { GrowStep = GrowStep.OfUnits(2) }),
        new Case("cold for the shrink window shrinks toward peak use times headroom", Flat(0.1, 0.1), 90, Plain, ElasticAction.Shrink, 2, 5),
        new Case("a shrink stops at the minimum", Flat(0.1, 0.1), 90, Plain, ElasticAction.Shrink, 4, 8,
            ElasticSettings.Default with { Minimum = ResourceVector.Of(("vcpu", 4), ("memoryGiB", 8)) }),
        new Case("a protected grant is not shrunk", Flat(0.1, 0.1), 90, Plain with { Protected = true }, ElasticAction.None),
        new Case("between the watermarks nothing happens", Flat(0.6, 0.6), 200, Plain, ElasticAction.None),
        new Case("shrink disabled does nothing", Flat(0.1, 0.1), 90, Plain, ElasticAction.None, Settings: ElasticSettings.Default with { ShrinkEnabled = false }),
        new Case("idle for the idle window is marked idle", Flat(0.02, 0.02), 25 * 60, Plain, ElasticAction.MarkIdle),
        new Case("idle marking off: the grant is shrunk instead", Flat(0.02, 0.02), 25 * 60, Plain, ElasticAction.Shrink, 1, 1,
            ElasticSettings.Default with { IdleEnabled = false }),
        new Case("one resource busy is not idle", Flat(0.02, 0.5), 25 * 60, Plain, ElasticAction.Shrink, 1, 40),
        new Case("an idle grant past its reclaim time is reclaimed", Flat(0.02, 0.02), 60, MarkedIdle, ElasticAction.Reclaim, 10, 40),
        new Case("an idle grant before its reclaim time waits", Flat(0.02, 0.02), 60, MarkedIdle with { ReclaimAt = Now.AddMinutes(1) }, ElasticAction.None),
        new Case("a protected idle grant is never reclaimed", Flat(0.02, 0.02), 60, MarkedIdle with { Protected = true }, ElasticAction.None),
        new Case("a postponed idle grant waits", Flat(0.02, 0.02), 60, MarkedIdle with { PostponedUntil = Now.AddDays(1) }, ElasticAction.None),
        new Case("a postponement that is over no longer holds", Flat(0.02, 0.02), 60, MarkedIdle with { PostponedUntil = Now.AddMinutes(-1) }, ElasticAction.Reclaim, 10, 40),
        new Case("reclaim off keeps the idle grant", Flat(0.02, 0.02), 60, MarkedIdle, ElasticAction.None, Settings: ElasticSettings.Default with { ReclaimEnabled = false }),
        new Case("an idle grant used again after the mark is no longer idle", m => m == 50 ? (0.4, 0.02) : (0.02, 0.02), 60, MarkedIdle, ElasticAction.ClearIdle),
        new Case("use before the mark does not clear it", m => m < 5 ? (0.9, 0.9) : (0.02, 0.02), 10 * 60, MarkedIdle, ElasticAction.Reclaim, 10, 40),
        new Case("no recent observation: nothing is done", Flat(0.9, 0.9), 60, Plain, ElasticAction.None, LatestMinutesAgo: 10),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_Case_GivesTheExpectedActionAndSize(Case c)
    {
        var series = Enumerable.Range(0, c.Minutes).Select(m =>
        {
            var (vcpu, mem) = c.Usage(m);
            return new UsageSample(Now.AddMinutes(m - c.Minutes + 1 - c.LatestMinutesAgo), Size,
                ResourceVector.Of(("vcpu", (long)(vcpu * Size["vcpu"])), ("memoryGiB", (long)(mem * Size["memoryGiB"]))));
        }).ToList();

        var decision = ElasticEvaluator.Decide(series, c.State, c.Settings ?? ElasticSettings.Default, Now);

        Assert.Equal(c.Expected, decision.Action);
        if (c.Vcpu is not null)
        {
            Assert.Equal(c.Vcpu, decision.Target!["vcpu"]);
            Assert.Equal(c.Mem, decision.Target!["memoryGiB"]);
        }
    }

    [Fact]
    public void Decide_Grow_ReasonCarriesTheNumbers()
    {
        var series = Enumerable.Range(0, 20).Select(m => new UsageSample(Now.AddMinutes(m - 19), Size,
            ResourceVector.Of(("vcpu", m == 10 ? 9 : 10), ("memoryGiB", 8)))).ToList();

        var decision = ElasticEvaluator.Decide(series, Plain, ElasticSettings.Default, Now);

        Assert.Equal("elastic grow: vcpu usage 0.90 ≥ 0.80 for 15m; vcpu 10 → 13", decision.Reason);
    }

    [Fact]
    public void Decide_MarkIdle_SetsIdleSinceAndReclaimAfterTheGrace()
    {
        var series = Enumerable.Range(0, 25 * 60).Select(m => new UsageSample(Now.AddMinutes(m - (25 * 60) + 1), Size, ResourceVector.Zero)).ToList();

        var decision = ElasticEvaluator.Decide(series, Plain, ElasticSettings.Default, Now);

        Assert.Equal(Now.AddHours(-24), decision.IdleSince);
        Assert.Equal(Now.AddHours(72), decision.ReclaimAt);
        Assert.Contains("usage ≤ 0.05 for 1d", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("15m", 15 * 60)]
    [InlineData("1h30m", 90 * 60)]
    [InlineData("3d", 3 * 86400)]
    [InlineData("90s", 90)]
    public void Durations_ParseAndFormat_RoundTrip(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Durations.Parse(text));
        Assert.Equal(TimeSpan.FromSeconds(seconds), Durations.Parse(Durations.Format(TimeSpan.FromSeconds(seconds))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("15")]
    [InlineData("m")]
    [InlineData("2w")]
    [InlineData("-5m")]
    public void Durations_Parse_NotADuration_IsNull(string text) => Assert.Null(Durations.Parse(text));
}
