namespace CloudMgmt.Faults.Tests.Infrastructure;

/// <summary>One controller for a test class: every run seeds its own tree and clouds in it.</summary>
public sealed class FaultHostFixture : IDisposable
{
    public FaultHost Host { get; } = new();

    public void Dispose() => Host.Dispose();
}
