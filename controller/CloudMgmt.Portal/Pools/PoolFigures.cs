using CloudMgmt.Application.Pools;
using CloudMgmt.Portal.Components;

namespace CloudMgmt.Portal.Pools;

/// <summary>
/// A pool's figures as the console draws them: per resource, what its subtree may hold (quota), what
/// is charged to it (reserved) and the part of that borrowed from above; and whether it is close to full.
/// </summary>
public static class PoolFigures
{
    /// <summary>At or above this share of its subtree quota a pool needs attention.</summary>
    public const double NearlyFull = 0.9;

    public sealed record Bar(string Resource, long Quota, long Reserved, long Borrowed)
    {
        /// <summary>Reserved over quota, 0..1 and beyond when borrowing (null with no quota to divide by).</summary>
        public double? Share => Units.Share(Reserved, Quota);
    }

    /// <summary>One bar per resource the pool has a quota or a reservation for, in the console's resource order.</summary>
    public static IReadOnlyList<Bar> Bars(PoolResponse pool) =>
        pool.SubtreeQuota.Keys.Union(pool.Reserved?.Keys ?? [])
            .OrderBy(Units.Order).ThenBy(r => r, StringComparer.Ordinal)
            .Select(r => new Bar(r, pool.SubtreeQuota.GetValueOrDefault(r), pool.Reserved?.GetValueOrDefault(r) ?? 0, pool.Borrowed?.GetValueOrDefault(r) ?? 0))
            .ToList();

    /// <summary>The resources of a pool at or above <see cref="NearlyFull"/> (only where the caller is shown usage).</summary>
    public static IReadOnlyList<Bar> NearlyFullBars(PoolResponse pool) =>
        pool.Reserved is null ? [] : Bars(pool).Where(b => b.Share >= NearlyFull).ToList();

    /// <summary>Every pool of a forest, parents before children.</summary>
    public static IEnumerable<PoolResponse> Flatten(IEnumerable<PoolTreeNode> forest) =>
        forest.SelectMany(n => Flatten(n.Children).Prepend(n.Pool));

    /// <summary>How a bar is coloured: fine, close to full, or over its quota (borrowing).</summary>
    public static MudBlazor.Color ColorOf(double? share) => share switch
    {
        > 1 => MudBlazor.Color.Error,
        >= NearlyFull => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Primary,
    };
}
