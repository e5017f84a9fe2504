using System.Collections.Concurrent;
using CloudMgmt.Grains.Faults;

namespace CloudMgmt.Grains.Tests.Infrastructure;

/// <summary>
/// Throws once at a crash point a test armed, for that subject only (the cluster is shared): the
/// call fails there while the silo lives on, as when a grain it calls was lost with another silo.
/// </summary>
public sealed class ArmedCrashPoints : ICrashPoints
{
    private readonly ConcurrentDictionary<CrashPoint, bool> _armed = new();

    public void ArmOnce(CrashPoint point) => _armed[point] = true;

    public void Reached(CrashPoint point)
    {
        if (_armed.TryRemove(point, out _))
        {
            throw new InvalidOperationException($"the test made the call fail at {point} of {point.Subject}");
        }
    }
}
