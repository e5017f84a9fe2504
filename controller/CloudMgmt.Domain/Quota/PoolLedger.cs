using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Domain.Quota;

/// <summary>
/// The reservations one pool holds, and the only code that decides whether a pool can take on an
/// amount. A pool's invariants, checked on every change:
///   Σ local ≤ guaranteed (only ever filled up to what is free), and
///   Σ spill ≤ spill cap (what it holds in its parent never exceeds what it may).
/// Growing fills the guaranteed share first and spills the rest; shrinking gives back spill first,
/// so a shrink never needs anything and always succeeds.
/// </summary>
public sealed class PoolLedger
{
    private readonly Dictionary<string, LedgerEntry> _entries = new(StringComparer.Ordinal);

    public ResourceVector LocalUsed { get; private set; } = ResourceVector.Zero;

    public ResourceVector Spilled { get; private set; } = ResourceVector.Zero;

    /// <summary>Everything charged to this pool: its own share plus what it holds in its parent.</summary>
    public ResourceVector Reserved => LocalUsed + Spilled;

    public IReadOnlyDictionary<string, LedgerEntry> Entries => _entries;

    public static PoolLedger FromEntries(IEnumerable<KeyValuePair<string, LedgerEntry>> entries)
    {
        var ledger = new PoolLedger();
        foreach (var (id, entry) in entries)
        {
            ledger.Put(id, entry);
        }

        return ledger;
    }

    /// <summary>
    /// Sets what this pool holds for <paramref name="allocationId"/> to <paramref name="amount"/>
    /// (zero removes it). Idempotent: setting the same amount again changes nothing and returns the
    /// same spill. On refusal nothing changes.
    /// </summary>
    public LedgerResult TrySet(string poolId, string allocationId, ResourceVector amount, PoolLimits limits)
    {
        var (result, entry) = Plan(poolId, allocationId, amount, limits);
        if (result.Accepted)
        {
            Remove(allocationId);
            if (!entry.Amount.IsZero)
            {
                Put(allocationId, entry);
            }
        }

        return result;
    }

    /// <summary>What <see cref="TrySet"/> would answer, without changing anything.</summary>
    public LedgerResult Evaluate(string poolId, string allocationId, ResourceVector amount, PoolLimits limits) =>
        Plan(poolId, allocationId, amount, limits).Result;

    /// <summary>True when the current reservations fit the given limits (used before a quota change).</summary>
    public bool FitsLimits(PoolLimits limits) => LocalUsed.FitsWithin(limits.Guaranteed) && Spilled.FitsWithin(limits.SpillCap);

    private (LedgerResult Result, LedgerEntry Entry) Plan(string poolId, string allocationId, ResourceVector amount, PoolLimits limits)
    {
        var old = _entries.GetValueOrDefault(allocationId) ?? new LedgerEntry(ResourceVector.Zero, ResourceVector.Zero);
        var oldAmount = old.Amount;
        var grow = amount.SaturatingSubtract(oldAmount);
        var shrink = oldAmount.SaturatingSubtract(amount);

        var fromSpill = ResourceVector.Min(shrink, old.Spill);
        var fromLocal = shrink - fromSpill;
        var localFree = limits.Guaranteed.SaturatingSubtract(LocalUsed);
        var addLocal = ResourceVector.Min(grow, localFree);
        var addSpill = grow - addLocal;

        var entry = new LedgerEntry(old.Local - fromLocal + addLocal, old.Spill - fromSpill + addSpill);
        if (addSpill.IsZero)
        {
            return (LedgerResult.Accept(entry.Spill), entry);
        }

        var spilledWithout = Spilled - fromSpill;
        var shortfalls = new List<Shortfall>();
        foreach (var (resource, extra) in addSpill.Entries)
        {
            var room = Math.Max(0, limits.SpillCap[resource] - spilledWithout[resource]);
            if (extra > room)
            {
                shortfalls.Add(new Shortfall(poolId, resource, grow[resource], localFree[resource] + room));
            }
        }

        return shortfalls.Count == 0 ? (LedgerResult.Accept(entry.Spill), entry) : (LedgerResult.Refuse(shortfalls), old);
    }

    private void Put(string allocationId, LedgerEntry entry)
    {
        _entries[allocationId] = entry;
        LocalUsed += entry.Local;
        Spilled += entry.Spill;
    }

    private void Remove(string allocationId)
    {
        if (_entries.Remove(allocationId, out var old))
        {
            LocalUsed -= old.Local;
            Spilled -= old.Spill;
        }
    }
}
