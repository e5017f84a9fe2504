using CloudMgmt.Domain.Elastic;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Domain.Usage;

namespace CloudMgmt.Domain.Tests.Elastic;

public sealed class ElasticWindowsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
    private static readonly ElasticThresholds Thresholds = new(0.8, 0.3, 0.05);

    private static UsageSample At(int minute, long vcpuUsed, long granted = 10) =>
        new(T0.AddMinutes(minute), ResourceVector.Of(("vcpu", granted)), ResourceVector.Of(("vcpu", vcpuUsed)));

    [Fact]
    public void Add_ADayOfSamples_KeepsOneRunPerResource_WithTheRunsStartsExtremesAndPeak()
    {
        var windows = new ElasticWindows(Thresholds);

        for (var m = 0; m < 24 * 60; m++)
            windows.Add(At(m, m < 600 ? 9 : m == 700 ? 3 : m < 800 ? m % 2 : 0)); // busy; low (0.0 and 0.1, once 0.3); then nothing

        var vcpu = Assert.Single(windows.Resources).Value;
        Assert.Null(vcpu.HighSince);
        Assert.Equal((T0.AddMinutes(600), 0.3, 3L), (vcpu.LowSince, vcpu.LowMax, vcpu.LowPeakUsed));
        Assert.Equal((T0.AddMinutes(800), 0.0), (vcpu.IdleSince!.Value, vcpu.IdleMax)); // each 0.1 (> 0.05) broke the idle run
        Assert.Equal((T0.AddMinutes(799), 0.1), (vcpu.AboveIdleAt!.Value, vcpu.AboveIdleRatio));
    }

    [Fact]
    public void Restart_SamplesBeforeTheRestart_DoNotCount_AndLateSamplesAreIgnored()
    {
        var windows = ElasticWindows.Of([At(0, 9), At(1, 9), At(2, 9)], Thresholds, restartAt: T0.AddMinutes(2));

        windows.Add(At(1, 0));
        windows.Add(At(3, 9));

        Assert.Equal((T0.AddMinutes(2), T0.AddMinutes(3)), (windows.FirstAt, windows.LastAt));
        Assert.Equal(T0.AddMinutes(2), windows["vcpu"]!.Value.HighSince);
    }

    [Fact]
    public void Add_ResourceNotGranted_BreaksItsRunsAsTheSeriesWould()
    {
        var windows = ElasticWindows.Of([At(0, 9), At(1, 0, granted: 0), At(2, 9)], Thresholds);

        Assert.Equal(T0.AddMinutes(2), windows["vcpu"]!.Value.HighSince);
    }
}
