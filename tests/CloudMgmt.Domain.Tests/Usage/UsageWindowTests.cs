using CloudMgmt.Domain.Resources;
using CloudMgmt.Domain.Usage;

namespace CloudMgmt.Domain.Tests.Usage;

public sealed class UsageWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    /// <summary>One sample a minute from T0 with the given used vcpu out of 10 granted.</summary>
    private static List<UsageSample> Minutes(params long[] used) => used
        .Select((u, i) => new UsageSample(T0.AddMinutes(i), ResourceVector.Of(("vcpu", 10)), ResourceVector.Of(("vcpu", u)))).ToList();

    public static TheoryData<long[], int, int, int?> CoveringCases => new()
    {
        // used per minute,         now (min), window (min), samples covering (null: history too short)
        { new long[] { 1, 2, 3, 4, 5 }, 4, 2, 3 },
        { new long[] { 1, 2, 3, 4, 5 }, 4, 4, 5 },
        { new long[] { 1, 2, 3, 4, 5 }, 4, 5, null },
        { new long[] { 1, 2, 3 }, 10, 3, 1 },   // the last sample is still in force
    };

    [Theory]
    [MemberData(nameof(CoveringCases))]
    public void Covering_WindowAgainstHistory_StartsWithTheSampleInForceOrIsNull(long[] used, int now, int window, int? expected)
    {
        var covering = UsageWindow.Covering(Minutes(used), T0.AddMinutes(now), TimeSpan.FromMinutes(window));

        Assert.Equal(expected, covering?.Count);
    }

    [Fact]
    public void Always_OneSampleBreaksTheCondition_IsFalse()
    {
        var window = Minutes(9, 9, 7, 9);

        Assert.False(UsageWindow.Always(window, "vcpu", r => r >= 0.8));
        Assert.True(UsageWindow.Always(window, "vcpu", r => r >= 0.7));
        Assert.False(UsageWindow.Always(window, "memoryGiB", r => r >= 0.0)); // never granted: never "always"
    }

    [Fact]
    public void Range_Window_GivesLowestAndHighestRatio()
    {
        Assert.Equal((0.2, 0.9), UsageWindow.Range(Minutes(5, 2, 9), "vcpu"));
    }

    public static TheoryData<double[], long[], int, int, double> MeanCases => new()
    {
        // sample minutes,            used,             from, to, mean used
        { new[] { 0.0, 1, 2, 3 }, new long[] { 2, 4, 6, 8 }, 0, 4, 5.0 },       // equal steps
        { new[] { 0.0, 3 }, new long[] { 2, 8 }, 0, 4, (2 * 2 + 8 * 1) / 3.0 }, // capped at 2 min each: 2 for 2 min, 8 for 1 min
        { new[] { 0.0, 1, 2, 3 }, new long[] { 2, 4, 6, 8 }, 2, 3, 6.0 },       // samples outside the window do not count; 8 sits at the end
    };

    [Theory]
    [MemberData(nameof(MeanCases))]
    public void Mean_Window_IsTimeWeightedWithGapsCapped(double[] minutes, long[] used, int from, int to, double expected)
    {
        var series = minutes.Zip(used, (m, u) => new UsageSample(T0.AddMinutes(m), ResourceVector.Of(("vcpu", 10)), ResourceVector.Of(("vcpu", u)))).ToList();

        var mean = UsageAverages.Mean(series, T0.AddMinutes(from), T0.AddMinutes(to), TimeSpan.FromMinutes(2))!;

        Assert.Equal(expected, mean.Used["vcpu"], 6);
        Assert.Equal(10.0, mean.Granted["vcpu"], 6);
    }

    [Fact]
    public void Mean_NoSampleInsideTheWindow_IsNull()
    {
        Assert.Null(UsageAverages.Mean(Minutes(1, 2), T0.AddMinutes(5), T0.AddMinutes(9), TimeSpan.FromMinutes(2)));
    }
}
