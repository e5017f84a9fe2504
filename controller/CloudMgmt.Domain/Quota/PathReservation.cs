using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Domain.Quota;

/// <summary>Sets one allocation's amount at path level <paramref name="level"/> (0 = the tenant's pool).</summary>
public delegate ValueTask<LedgerResult> SetAtLevel(int level, ResourceVector amount);

/// <summary>Puts back, at one level, the entry an accepted set replaced.</summary>
public delegate ValueTask RestoreAtLevel(int level, LedgerEntry? previous);

/// <summary>Sets an allocation's amount on the levels above the current one (levels counted from there).</summary>
public delegate ValueTask<PathOutcome> SetAbove(ResourceVector spill, int previousReach);

/// <summary>The outcome of changing an allocation's reservation along its path.</summary>
/// <param name="Reach">How many levels, from the leaf, now hold an entry for the allocation.</param>
public sealed record PathOutcome(bool Accepted, IReadOnlyList<Shortfall> Shortfalls, int Reach);

/// <summary>
/// The reservation protocol along one path, leaf to root. Each pool decides alone with
/// <see cref="PoolLedger.TrySet"/> and passes its spill upwards. When a pool refuses, every level
/// below it gets back exactly the entry it had, so a refused request leaves every ledger as it was.
/// Callers change a reservation in one direction per call (grow, or shrink), so that what is put
/// back is never more than what it replaces, even when other requests ran in between.
/// The same code drives the in-memory <see cref="QuotaTree"/> and the pool grains. It awaits
/// without ConfigureAwait(false) on purpose: in a grain, continuations must stay on the grain's scheduler.
/// </summary>
public static class PathReservation
{
    /// <param name="depth">Number of pools on the path.</param>
    /// <param name="target">The allocation's new amount.</param>
    /// <param name="previousReach">How many levels held an entry before.</param>
    public static ValueTask<PathOutcome> SetAsync(
        int depth, ResourceVector target, int previousReach, SetAtLevel setAt, RestoreAtLevel restoreAt)
    {
        ValueTask<PathOutcome> From(int level, ResourceVector amount, int reachFromHere) => SetHereThenAboveAsync(
            amount, reachFromHere,
            a => setAt(level, a),
            previous => restoreAt(level, previous),
            level + 1 < depth ? (spill, reachAbove) => From(level + 1, spill, reachAbove) : null);

        return NeedsVisit(target, previousReach) ? From(0, target, previousReach) : ValueTask.FromResult(new PathOutcome(true, [], 0));
    }

    /// <summary>
    /// One level's part of <see cref="SetAsync"/>, for a path whose levels call each other (each pool
    /// asks its parent) instead of being driven from outside: set here, pass the spill to the level
    /// above, and if that refuses put back here exactly what was replaced. Levels are counted from
    /// this one: <paramref name="previousReach"/> is how many levels from here held an entry before.
    /// </summary>
    /// <param name="above">The level above, or null at the root (which must hold everything itself).</param>
    public static async ValueTask<PathOutcome> SetHereThenAboveAsync(
        ResourceVector amount, int previousReach,
        Func<ResourceVector, ValueTask<LedgerResult>> setHere, Func<LedgerEntry?, ValueTask> restoreHere, SetAbove? above)
    {
        var result = await setHere(amount);
        if (!result.Accepted)
        {
            return new PathOutcome(false, result.Shortfalls, previousReach);
        }

        var reachAbove = 0;
        var reachAboveBefore = Math.Max(0, previousReach - 1);
        if (above is null)
        {
            if (!result.Spill.IsZero)
            {
                throw new InvalidOperationException($"The root pool spilled {result.Spill}; a root must hold everything itself.");
            }
        }
        else if (NeedsVisit(result.Spill, reachAboveBefore))
        {
            var upper = await above(result.Spill, reachAboveBefore);
            if (!upper.Accepted)
            {
                await restoreHere(result.Previous);
                return new PathOutcome(false, upper.Shortfalls, previousReach);
            }

            reachAbove = upper.Reach;
        }

        return new PathOutcome(true, [], amount.IsZero ? 0 : 1 + reachAbove);
    }

    /// <summary>A level needs a call when it gets something, or held something before that must go.</summary>
    private static bool NeedsVisit(ResourceVector amount, int previousReach) => !amount.IsZero || previousReach > 0;
}
