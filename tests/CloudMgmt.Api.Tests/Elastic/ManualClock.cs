namespace CloudMgmt.Api.Tests.Elastic;

/// <summary>
/// Fake wall-clock time for the controller: the tests move it forward by hand. Only the time of
/// day is fake; timers and stopwatches stay real, so that the silo, Polly and Quartz keep running.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
