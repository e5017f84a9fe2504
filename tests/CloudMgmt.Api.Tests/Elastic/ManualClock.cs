using System.Diagnostics;

namespace CloudMgmt.Api.Tests.Elastic;

/// <summary>
/// Fake wall-clock time for the controller: the tests move it forward by hand. Only the time of
/// day is fake; timers and stopwatches stay real, so that the silo and Polly keep running.
/// </summary>
/// <remarks>
/// Quartz schedules on this clock too (it takes the container's TimeProvider), and a clock that
/// stands still between the test's steps leaves a trigger waiting for a "now" that does not come.
/// A test of the schedule itself therefore uses a <paramref name="ticking"/> clock: it moves with
/// real time as well as by the test's jumps.
/// </remarks>
public sealed class ManualClock(DateTimeOffset start, bool ticking = false) : TimeProvider
{
    private readonly long _createdAt = Stopwatch.GetTimestamp();
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow()
    {
        var elapsed = ticking ? Stopwatch.GetElapsedTime(_createdAt).Ticks : 0;
        return new(Interlocked.Read(ref _ticks) + elapsed, TimeSpan.Zero);
    }

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
