using CloudMgmt.Domain.Resources;
using static CloudMgmt.Domain.Allocations.ChangeStep;

namespace CloudMgmt.Domain.Allocations;

/// <summary>One durable step of a change to an allocation, in the order a plan lists them.</summary>
public enum ChangeStep
{
    /// <summary>The allocation records what it is about to do, so that a crash after it is finished on the next activation.</summary>
    RecordIntent,

    /// <summary>The allocation's cloud holds the new size. May be refused (no room); nothing else has changed then.</summary>
    HoldOnCloud,

    /// <summary>Every pool on the path shrinks the reservation to the plan's floor; a shrink is never refused.</summary>
    ShrinkPath,

    /// <summary>The path grows the reservation to the target. May be refused; the grain then gives back what it took.</summary>
    GrowPath,

    /// <summary>The clouds holding a grant are told to remove it; the reconciler does, and the quota returns after.</summary>
    MarkReleasing,

    /// <summary>Every pool on the path drops the reservation.</summary>
    ReturnQuota,

    /// <summary>The allocation records the outcome and clears the intent.</summary>
    Commit,
}

public enum ChangeKind
{
    Resize,
    Release,
    Reject,

    /// <summary>A placement failed: the quota returns and the allocation becomes Failed.</summary>
    Fail,
}

/// <summary>
/// A change to an allocation as a list of durable steps (Kueue's decide, then write): the grain
/// carries the steps out in order, recording the intent first, and a crash between any two of them
/// is finished by <see cref="Recovery"/>, which every step of is idempotent. The fault suite walks
/// every boundary of every plan.
/// </summary>
public sealed record ChangePlan(ChangeKind Kind, ResourceVector From, ResourceVector To, bool OnCloud, IReadOnlyList<ChangeStep> Steps)
{
    /// <summary>The smaller of the old and new size in each resource: what a shrink can always reach.</summary>
    public ResourceVector Floor => ResourceVector.Min(From, To);

    /// <summary>
    /// A resize: the cloud's room first when it is on a cloud (a refusal changes nothing), then two
    /// monotonic passes along the path, a shrink to the floor and a growth to the target. Each pass
    /// has a safe way back (a shrink), which a mixed change in one pass would not have.
    /// </summary>
    public static ChangePlan Resize(ResourceVector current, ResourceVector target, bool onCloud)
    {
        var floor = ResourceVector.Min(current, target);
        var steps = new List<ChangeStep> { RecordIntent };
        if (onCloud)
        {
            steps.Add(HoldOnCloud);
        }

        if (!floor.Equals(current))
        {
            steps.Add(ShrinkPath);
        }

        if (!floor.Equals(target))
        {
            steps.Add(GrowPath);
        }

        steps.Add(Commit);
        return new ChangePlan(ChangeKind.Resize, current, target, onCloud, steps);
    }

    /// <summary>A release: on a cloud, the clouds are told and the reconciler returns the quota once the grants are gone; otherwise the quota returns now.</summary>
    public static ChangePlan Release(ResourceVector current, bool onCloud) =>
        new(ChangeKind.Release, current, ResourceVector.Zero, onCloud, onCloud ? [RecordIntent, MarkReleasing, Commit] : [RecordIntent, ReturnQuota, Commit]);

    public static ChangePlan Reject(ResourceVector current) =>
        new(ChangeKind.Reject, current, ResourceVector.Zero, false, [RecordIntent, ReturnQuota, Commit]);

    /// <summary>A placement that failed gives the quota back; recorded first, since the pools forget a dropped reservation for good.</summary>
    public static ChangePlan Fail(ResourceVector current) =>
        new(ChangeKind.Fail, current, ResourceVector.Zero, false, [RecordIntent, ReturnQuota, Commit]);

    /// <summary>
    /// What finishes a plan of <paramref name="kind"/> from <paramref name="from"/> to <paramref name="to"/>
    /// after a crash at any boundary (the grain recorded these three as its intent). A release,
    /// rejection or failure is carried forward (it was asked for and loses nothing). A resize ends at
    /// its floor: the cloud and the path are set to it (shrinks from wherever the crash left them, so
    /// neither can be refused), which completes a shrink and undoes a growth.
    /// </summary>
    public static ChangePlan Recovery(ChangeKind kind, ResourceVector from, ResourceVector to, bool onCloud)
    {
        var plan = kind switch
        {
            ChangeKind.Resize => new ChangePlan(kind, from, ResourceVector.Min(from, to), onCloud, onCloud ? [HoldOnCloud, ShrinkPath, Commit] : [ShrinkPath, Commit]),
            ChangeKind.Release => Release(from, onCloud),
            ChangeKind.Reject => Reject(from),
            _ => Fail(from),
        };
        return plan with { Steps = plan.Steps.Where(s => s != RecordIntent).ToList() };
    }

    /// <summary>The amount a step sets: the target for the cloud's hold and the growth, the floor for the shrink, zero for a release.</summary>
    public ResourceVector AmountOf(ChangeStep step) => step switch
    {
        HoldOnCloud or GrowPath => To,
        ShrinkPath => Floor,
        _ => ResourceVector.Zero,
    };
}
