using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Domain.Quota;

/// <summary>The outcome of setting one allocation's amount at one pool.</summary>
/// <param name="Spill">When accepted: what this pool now holds of the allocation in its parent.</param>
/// <param name="Shortfalls">When refused: every resource that did not fit. Empty when accepted.</param>
/// <param name="Previous">When accepted: the entry the pool held before (null: none), for an exact undo.</param>
public sealed record LedgerResult(ResourceVector Spill, IReadOnlyList<Shortfall> Shortfalls, LedgerEntry? Previous = null)
{
    public bool Accepted => Shortfalls.Count == 0;

    public static LedgerResult Accept(ResourceVector spill, LedgerEntry? previous = null) => new(spill, [], previous);

    public static LedgerResult Refuse(IReadOnlyList<Shortfall> shortfalls) => new(ResourceVector.Zero, shortfalls);
}
