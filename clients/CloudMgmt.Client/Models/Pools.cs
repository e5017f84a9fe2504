namespace CloudMgmt.Client.Models;

/// <summary>A new quota pool (province &gt; city &gt; county &gt; department).</summary>
public sealed record NewPool
{
    /// <summary>1-63 lower-case letters, digits and '-'.</summary>
    public required string Id { get; init; }

    /// <summary>The parent pool; null for a root.</summary>
    public string? Parent { get; init; }

    /// <summary>A name for people, e.g. "Hefei Health Commission".</summary>
    public string? DisplayName { get; init; }

    /// <summary>The pool's own quota per resource, e.g. vcpu = 64, memoryGiB = 256.</summary>
    public required IReadOnlyDictionary<string, long> Quota { get; init; }

    /// <summary>How much it may borrow from its parent's unused share; null: never borrows.</summary>
    public IReadOnlyDictionary<string, long>? BorrowingLimit { get; init; }

    /// <summary>How much of its quota it keeps for itself and never lends to siblings.</summary>
    public IReadOnlyDictionary<string, long>? LendingLimit { get; init; }

    /// <summary>Requests above these amounts wait for an operator's approval.</summary>
    public IReadOnlyDictionary<string, long>? ApprovalThreshold { get; init; }
}

/// <summary>Changes to a pool; properties left null stay as they are.</summary>
public sealed record PoolChanges
{
    /// <summary>A new name for people.</summary>
    public string? DisplayName { get; init; }

    /// <summary>A new quota.</summary>
    public IReadOnlyDictionary<string, long>? Quota { get; init; }

    /// <summary>A new borrowing limit.</summary>
    public IReadOnlyDictionary<string, long>? BorrowingLimit { get; init; }

    /// <summary>A new lending limit.</summary>
    public IReadOnlyDictionary<string, long>? LendingLimit { get; init; }

    /// <summary>A new approval threshold.</summary>
    public IReadOnlyDictionary<string, long>? ApprovalThreshold { get; init; }
}

/// <summary>A quota pool with what is charged to it.</summary>
/// <param name="Id">The pool's id.</param>
/// <param name="Parent">Its parent, null for a root.</param>
/// <param name="DisplayName">A name for people.</param>
/// <param name="Quota">Its own (nominal) quota.</param>
/// <param name="BorrowingLimit">How much it may borrow from its parent; null: never borrows.</param>
/// <param name="LendingLimit">What it keeps for itself.</param>
/// <param name="ApprovalThreshold">Requests above these amounts wait for approval.</param>
/// <param name="SubtreeQuota">Its quota plus what its children put up for sharing.</param>
/// <param name="Reserved">What is charged to it (its own share plus what it holds in its parent).</param>
/// <param name="Borrowed">The part of <paramref name="Reserved"/> above its subtree quota.</param>
/// <param name="Reservations">How many allocations hold quota here.</param>
public sealed record Pool(
    string Id, string? Parent, string? DisplayName, IReadOnlyDictionary<string, long> Quota,
    IReadOnlyDictionary<string, long>? BorrowingLimit, IReadOnlyDictionary<string, long>? LendingLimit,
    IReadOnlyDictionary<string, long>? ApprovalThreshold, IReadOnlyDictionary<string, long> SubtreeQuota,
    IReadOnlyDictionary<string, long> Reserved, IReadOnlyDictionary<string, long> Borrowed, int Reservations);

/// <summary>A pool and its children, as <c>GET /api/v1/pools/tree</c> returns them.</summary>
/// <param name="Pool">The pool.</param>
/// <param name="Children">Its child pools, each with theirs.</param>
public sealed record PoolTreeNode(Pool Pool, IReadOnlyList<PoolTreeNode> Children);
