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
}
