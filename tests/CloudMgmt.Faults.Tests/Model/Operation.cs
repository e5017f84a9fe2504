namespace CloudMgmt.Faults.Tests.Model;

public enum OpKind
{
    Create,
    CreateLarge,
    Grow,
    Shrink,
    Release,
    Approve,
    Reject,
    ElasticGrow,
    ElasticShrink,
    ElasticReclaim,
    Reconcile,
}

/// <summary>One step of a run: what to do, to which allocation (an index into those known so far), how big, and where to crash (null: nowhere).</summary>
public sealed record Operation(OpKind Kind, int Target, long Vcpu, string? CrashAt, bool CrashInRecovery)
{
    public override string ToString() => $"{Kind}(#{Target}, {Vcpu} vcpu){(CrashAt is null ? "" : " crash at " + CrashAt)}{(CrashInRecovery ? " and in recovery" : "")}";
}

/// <summary>
/// Draws a run from its seed: the operations, their sizes and their crash points. The same seed
/// always gives the same run (System.Random with a seed is stable across .NET versions).
/// </summary>
public static class Operations
{
    private static readonly string[] Resize =
        ["resize/RecordIntent", "resize/HoldOnCloud", "resize/ShrinkPath", "resize/GrowPath", "resize/Commit", "resize/done"];

    private static readonly string[] Release =
        ["release/RecordIntent", "release/MarkReleasing", "release/ReturnQuota", "release/Commit", "release/done"];

    /// <summary>The boundaries each kind of operation passes, by the name the grains give them.</summary>
    public static readonly IReadOnlyDictionary<OpKind, string[]> Boundaries = new Dictionary<OpKind, string[]>
    {
        [OpKind.Create] = ["create/Record", "create/Place", "place/Commit", "create/Confirm", "create/done"],
        [OpKind.CreateLarge] = ["create/Record", "create/Confirm", "create/done"],
        [OpKind.Grow] = Resize,
        [OpKind.Shrink] = Resize,
        [OpKind.ElasticGrow] = Resize,
        [OpKind.ElasticShrink] = Resize,
        [OpKind.Release] = Release,
        [OpKind.ElasticReclaim] = Release,
        [OpKind.Approve] = ["approve/Place", "place/Commit", "approve/Commit", "approve/done"],
        [OpKind.Reject] = ["reject/RecordIntent", "reject/ReturnQuota", "reject/Commit", "reject/done"],
        [OpKind.Reconcile] =
        [
            "reconcile-apply/GrantProvisioned", "reconcile-apply/Confirm", "reconcile-release/GrantReleased",
            "reconcile-release/Unreserve", "grant-released/ReturnQuota", "grant-released/Commit",
        ],
    };

    private static readonly (OpKind Kind, int Weight)[] Mix =
    [
        (OpKind.Create, 5), (OpKind.CreateLarge, 1), (OpKind.Grow, 3), (OpKind.Shrink, 3), (OpKind.Release, 2), (OpKind.Approve, 1),
        (OpKind.Reject, 1), (OpKind.ElasticGrow, 1), (OpKind.ElasticShrink, 1), (OpKind.ElasticReclaim, 1), (OpKind.Reconcile, 4),
    ];

    /// <summary>
    /// Where an operation may crash. Runs whose clouds run out of room once also drew the steps of a
    /// failed placement for creates and approvals; since a request no cloud can hold is refused before
    /// anything is charged (issue 16), those steps are not reached there, and are not drawn.
    /// </summary>
    private static string[] BoundariesOf(OpKind kind, bool exhausting) => Boundaries[kind];

    public static IReadOnlyList<Operation> Draw(int seed, int count, double crashShare, bool exhausting = false)
    {
        var random = new Random(seed);
        var total = Mix.Sum(m => m.Weight);
        var ops = new List<Operation>(count);
        for (var i = 0; i < count; i++)
        {
            var pick = random.Next(total);
            var kind = Mix.SkipWhile(m => (pick -= m.Weight) >= 0).First().Kind;
            var vcpu = kind == OpKind.CreateLarge ? Tree.ApprovalAbove + 1 + random.Next(4) : 1 + random.Next(8);
            var boundaries = BoundariesOf(kind, exhausting);
            var crash = random.NextDouble() < crashShare ? boundaries[random.Next(boundaries.Length)] : null;
            ops.Add(new Operation(kind, random.Next(1 << 16), vcpu, crash, crash is not null && random.Next(4) == 0));
        }

        return ops;
    }
}
