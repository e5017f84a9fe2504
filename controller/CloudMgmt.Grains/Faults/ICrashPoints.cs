namespace CloudMgmt.Grains.Faults;

/// <summary>A boundary between two durable steps of a multi-step operation: everything before it is on disk, nothing after it has started.</summary>
/// <param name="Operation">The operation ("resize", "release", "grant-released", ...).</param>
/// <param name="Step">The step about to run ("ShrinkPath", "Commit", ...), or "done" after the last one.</param>
/// <param name="Subject">The allocation (or cloud) the operation is about.</param>
public readonly record struct CrashPoint(string Operation, string Step, string Subject)
{
    public override string ToString() => $"{Operation}/{Step}";
}

/// <summary>
/// Told at every <see cref="CrashPoint"/> of the grains and the reconciler. The product's does
/// nothing; the fault suite's throws there (a crash of the whole process, as far as durable state
/// goes) and then restarts the silo's grains from disk, so that every boundary of every path is
/// proven to recover.
/// </summary>
public interface ICrashPoints
{
    void Reached(CrashPoint point);
}

/// <summary>The product's: no crash anywhere.</summary>
public sealed class NoCrashPoints : ICrashPoints
{
    public static readonly NoCrashPoints Instance = new();

    public void Reached(CrashPoint point)
    {
    }
}
