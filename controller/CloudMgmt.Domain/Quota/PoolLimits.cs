using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Domain.Quota;

/// <summary>
/// The limits one pool enforces on its own, derived from the whole tree by <see cref="QuotaHierarchy"/>.
/// With them a pool decides alone, so the grains of one path need no shared lock.
/// </summary>
/// <param name="SubtreeQuota">
/// Nominal plus what the children put up for sharing: Σ(child subtree quota − child guaranteed).
/// </param>
/// <param name="Guaranteed">
/// The part this pool uses without asking its parent: subtree quota − lending limit for a pool
/// with a lending limit, zero without one, and the whole subtree quota for a root.
/// </param>
/// <param name="SpillCap">
/// The most this pool may hold in its parent: (subtree quota − guaranteed) + borrowing limit.
/// Zero for a root.
/// </param>
public sealed record PoolLimits(ResourceVector SubtreeQuota, ResourceVector Guaranteed, ResourceVector SpillCap)
{
    public static readonly PoolLimits None = new(ResourceVector.Zero, ResourceVector.Zero, ResourceVector.Zero);

    /// <summary>The most this pool can ever hold: guaranteed + spill cap (subtree quota + borrowing limit).</summary>
    public ResourceVector Ceiling => Guaranteed + SpillCap;
}
