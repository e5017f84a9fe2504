using CloudMgmt.Domain.Resources;
using CloudMgmt.Domain.Usage;

namespace CloudMgmt.Domain.Tests.Usage;

public sealed class UsageSeriesBufferTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    private static UsageSample At(double minutes, long used) =>
        new(T0.AddMinutes(minutes), ResourceVector.Of(("vcpu", 10)), ResourceVector.Of(("vcpu", used)));

    [Fact]
    public void Add_SeveralSamplesInOneBucket_KeepsOnlyTheNewest()
    {
        var buffer = new UsageSeriesBuffer(10, TimeSpan.FromMinutes(1));

        buffer.Add(At(0.0, 1));
        buffer.Add(At(0.3, 2));
        buffer.Add(At(0.9, 3));
        buffer.Add(At(1.1, 4));

        Assert.Equal([3L, 4L], buffer.Points().Select(p => p.Used["vcpu"]));
        Assert.Equal(T0.AddMinutes(0.9), buffer.Points()[0].At);
    }

    [Fact]
    public void Add_MoreBucketsThanCapacity_DropsTheOldestAndStaysAtCapacity()
    {
        var buffer = new UsageSeriesBuffer(3, TimeSpan.FromMinutes(1));

        for (var minute = 0; minute < 7; minute++)
        {
            buffer.Add(At(minute, minute));
        }

        Assert.Equal(3, buffer.Count);
        Assert.Equal([4L, 5L, 6L], buffer.Points().Select(p => p.Used["vcpu"]));
        Assert.Equal(6, buffer.Latest!.Used["vcpu"]);
    }

    [Fact]
    public void Add_SampleOlderThanTheLatest_IsIgnored()
    {
        var buffer = new UsageSeriesBuffer(5, TimeSpan.FromMinutes(1));
        buffer.Add(At(5, 5));

        buffer.Add(At(3, 3));

        Assert.Equal([5L], buffer.Points().Select(p => p.Used["vcpu"]));
    }

    [Fact]
    public void Ratio_ResourceNotGranted_IsNull()
    {
        var sample = At(0, 4);

        Assert.Equal(0.4, sample.Ratio("vcpu"));
        Assert.Null(sample.Ratio("memoryGiB"));
    }
}
