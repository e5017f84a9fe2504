using CloudMgmt.Host.Hosting;
using Orleans.Runtime;

namespace CloudMgmt.Cluster.Tests.Hosting;

/// <summary>What /readyz answers in each state of a node. (The SIGTERM test sees the drain on a real process.)</summary>
public sealed class ReadinessTests
{
    [Fact]
    public void WhyNotReady_ActiveAndStarted_IsReady() => Assert.Null(Readiness.WhyNotReady(draining: false, startupFinished: true, SiloStatus.Active));

    [Theory]
    [InlineData(SiloStatus.Joining)]
    [InlineData(SiloStatus.ShuttingDown)]
    [InlineData(SiloStatus.Stopping)]
    [InlineData(SiloStatus.Dead)]
    [InlineData(SiloStatus.None)]
    public void WhyNotReady_SiloNotActive_NamesItsStatus(SiloStatus status) =>
        Assert.Equal($"this silo is {status} in the cluster, not Active", Readiness.WhyNotReady(draining: false, startupFinished: true, status));

    [Fact]
    public void WhyNotReady_StartupRecoveryRunning_SaysSo() =>
        Assert.Equal("start-up recovery has not finished", Readiness.WhyNotReady(draining: false, startupFinished: false, SiloStatus.Active));

    [Fact]
    public void WhyNotReady_Draining_ComesFirst() =>
        Assert.Equal("this node is shutting down", Readiness.WhyNotReady(draining: true, startupFinished: true, SiloStatus.Active));
}
