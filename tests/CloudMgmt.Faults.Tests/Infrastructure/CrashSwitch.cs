using System.Collections.Concurrent;
using CloudMgmt.Grains.Faults;

namespace CloudMgmt.Faults.Tests.Infrastructure;

/// <summary>A crash of the controller at a <see cref="CrashPoint"/>, as far as durable state goes: nothing after it runs.</summary>
public sealed class SimulatedCrash(CrashPoint point) : Exception($"simulated crash at {point} ({point.Subject})")
{
    public CrashPoint Point { get; } = point;
}

/// <summary>
/// The fault suite's <see cref="ICrashPoints"/>: armed with a boundary name and the allocation it is
/// about, it crashes there once: nothing after the boundary runs. The driver then restarts every
/// grain from disk (<see cref="FaultHost.RestartAsync"/>) before anything else reaches the one whose
/// memory the crash left half-changed.
/// </summary>
public sealed class CrashSwitch : ICrashPoints
{
    private readonly Lock _gate = new();
    private (IReadOnlySet<string> Names, string? Subject)? _armed;

    /// <summary>Every boundary reached, by name, and how often.</summary>
    public ConcurrentDictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    /// <summary>Every boundary a crash fired at, by name, and how often.</summary>
    public ConcurrentDictionary<string, int> FiredCounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Where the last armed crash fired; null when it has not.</summary>
    public CrashPoint? Fired { get; private set; }

    /// <summary>Crash at the next boundary named <paramref name="name"/> ("resize/ShrinkPath") about <paramref name="subject"/> (any when null).</summary>
    public void Arm(string name, string? subject) => Arm([name], subject);

    /// <summary>Crash at the next boundary named any of <paramref name="names"/> about <paramref name="subject"/> (any when null).</summary>
    public void Arm(IReadOnlyCollection<string> names, string? subject)
    {
        lock (_gate)
        {
            (_armed, Fired) = ((names.ToHashSet(StringComparer.Ordinal), subject), null);
        }
    }

    public void Disarm()
    {
        lock (_gate)
        {
            _armed = null;
        }
    }

    /// <summary>Disarms, and hands back (and forgets) where the crash fired, if it did.</summary>
    public CrashPoint? Take()
    {
        lock (_gate)
        {
            var fired = Fired;
            (_armed, Fired) = (null, null);
            return fired;
        }
    }

    public void Reached(CrashPoint point)
    {
        var name = point.ToString();
        Counts.AddOrUpdate(name, 1, (_, n) => n + 1);
        lock (_gate)
        {
            if (_armed is not { } armed || !armed.Names.Contains(name) || (armed.Subject is not null && armed.Subject != point.Subject))
            {
                return;
            }

            (_armed, Fired) = (null, point);
        }

        FiredCounts.AddOrUpdate(name, 1, (_, n) => n + 1);
        throw new SimulatedCrash(point);
    }
}
