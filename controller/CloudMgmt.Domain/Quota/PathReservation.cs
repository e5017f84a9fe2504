using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Domain.Quota;

/// <summary>Sets one allocation's amount at path level <paramref name="level"/> (0 = the tenant's pool).</summary>
public delegate ValueTask<LedgerResult> SetAtLevel(int level, ResourceVector amount);

/// <summary>Puts back, at one level, the entry an accepted set replaced.</summary>
public delegate ValueTask RestoreAtLevel(int level, LedgerEntry? previous);

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
    public static async ValueTask<PathOutcome> SetAsync(
        int depth, ResourceVector target, int previousReach, SetAtLevel setAt, RestoreAtLevel restoreAt)
    {
        var amount = target;
        var reach = 0;
        var replaced = new LedgerEntry?[depth];
        for (var level = 0; level < depth && (!amount.IsZero || level < previousReach); level++)
        {
            var result = await setAt(level, amount);
            if (!result.Accepted)
            {
                for (var undo = level - 1; undo >= 0; undo--)
                {
                    await restoreAt(undo, replaced[undo]);
                }

                return new PathOutcome(false, result.Shortfalls, previousReach);
            }

            replaced[level] = result.Previous;
            reach = amount.IsZero ? reach : level + 1;
            amount = result.Spill;
        }

        if (!amount.IsZero)
        {
            throw new InvalidOperationException($"The root pool spilled {amount}; a root must hold everything itself.");
        }

        return new PathOutcome(true, [], reach);
    }

    /// <summary>
    /// Sets every level below <paramref name="levels"/> to an amount no larger than it holds, starting
    /// from <paramref name="amount"/> at the leaf. Used for release (amount zero) and for finishing
    /// work a crash interrupted; a shrink can never be refused.
    /// </summary>
    public static async ValueTask<int> ShrinkAlongAsync(int levels, ResourceVector amount, SetAtLevel setAt)
    {
        var reach = 0;
        for (var level = 0; level < levels; level++)
        {
            var result = await setAt(level, amount);
            if (!result.Accepted)
            {
                throw new InvalidOperationException(
                    $"A shrink was refused at level {level}: {string.Join("; ", result.Shortfalls)}. This is a bug.");
            }

            reach = amount.IsZero ? reach : level + 1;
            amount = result.Spill;
        }

        return reach;
    }
}
