using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Domain.Quota;

/// <summary>
/// The configuration of one quota pool, field by field as in Kueue's cohort model, with one change:
/// a pool without a borrowing limit does not borrow at all (borrowing is always explicit).
/// </summary>
/// <param name="Id">Pool id, unique in the tree.</param>
/// <param name="ParentId">The parent pool, or null for a root (the province).</param>
/// <param name="Nominal">The pool's own quota.</param>
/// <param name="BorrowingLimit">
/// How much above its subtree quota this pool may take from its parent's unused share.
/// Null: none (the pool never borrows). Ignored on a root, which has nobody to borrow from.
/// </param>
/// <param name="LendingLimit">
/// Per resource, how much of the pool's unused subtree quota others may borrow; a resource not
/// listed (or a null map) may be lent in full. The rest (subtree quota − lending limit) is
/// guaranteed to this pool and never counted upwards. Explicit zeros matter here ("lend none").
/// </param>
/// <param name="ApprovalThreshold">
/// Per resource: a request through this pool asking for more than this waits for an operator.
/// A resource not listed (or a null map) needs no approval. Explicit zeros matter ("always ask").
/// </param>
public sealed record PoolDefinition(
    string Id,
    string? ParentId,
    ResourceVector Nominal,
    ResourceVector? BorrowingLimit = null,
    IReadOnlyDictionary<string, long>? LendingLimit = null,
    IReadOnlyDictionary<string, long>? ApprovalThreshold = null);
