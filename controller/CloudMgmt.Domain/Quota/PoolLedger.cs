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
    private static readonly LedgerEntry Empty = new(ResourceVector.Zero, ResourceVector.Zero);
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
            ledger.Replace(id, entry);
        }

        return ledger;
    }

    /// <summary>
    /// Sets what this pool holds for <paramref name="allocationId"/> to <paramref name="amount"/>
    /// (zero removes it). Idempotent: setting the same amount again changes nothing and returns the
    /// same spill. On refusal nothing changes. The result carries the entry as it was before, so
    /// that a refusal further up the path can put it back exactly (<see cref="Restore"/>).
    /// </summary>
    public LedgerResult TrySet(string poolId, string allocationId, ResourceVector amount, PoolLimits limits)
    {
        var (result, entry) = Plan(poolId, allocationId, amount, limits);
        if (result.Accepted)
        {
            Replace(allocationId, entry);
        }

        return result;
    }

    /// <summary>What <see cref="TrySet"/> would answer, without changing anything.</summary>
    public LedgerResult Evaluate(string poolId, string allocationId, ResourceVector amount, PoolLimits limits) =>
        Plan(poolId, allocationId, amount, limits).Result;

    /// <summary>
    /// Puts back the entry an accepted <see cref="TrySet"/> replaced (null: there was none). Only for
    /// undoing a growth that a pool further up refused: the entry put back is no larger than the one
    /// it replaces, so the invariants still hold.
    /// </summary>
    public void Restore(string allocationId, LedgerEntry? previous) => Replace(allocationId, previous ?? Empty);

    /// <summary>True when the current reservations fit the given limits (used before a quota change).</summary>
    public bool FitsLimits(PoolLimits limits) => LocalUsed.FitsWithin(limits.Guaranteed) && Spilled.FitsWithin(limits.SpillCap);

    /// <summary>One pass per resource: the new split of the entry, and every resource that does not fit.</summary>
    private (LedgerResult Result, LedgerEntry Entry) Plan(string poolId, string allocationId, ResourceVector amount, PoolLimits limits)
    {
        var old = _entries.GetValueOrDefault(allocationId);
        var oldLocal = old?.Local ?? ResourceVector.Zero;
        var oldSpill = old?.Spill ?? ResourceVector.Zero;
        var names = ResourceVector.UnionOf(amount, oldLocal, oldSpill);
        var local = new long[names.Length];
        var spill = new long[names.Length];
        List<Shortfall>? shortfalls = null;
        for (var k = 0; k < names.Length; k++)
        {
            var r = names[k];
            long want = amount[r], heldLocal = oldLocal[r], heldSpill = oldSpill[r], held = heldLocal + heldSpill;
            if (want < held)
            {
                var fromSpill = Math.Min(held - want, heldSpill);
                (local[k], spill[k]) = (heldLocal - (held - want - fromSpill), heldSpill - fromSpill);
                continue;
            }

            var free = Math.Max(0, limits.Guaranteed[r] - LocalUsed[r]);
            var addLocal = Math.Min(want - held, free);
            var addSpill = want - held - addLocal;
            (local[k], spill[k]) = (heldLocal + addLocal, heldSpill + addSpill);
            var room = Math.Max(0, limits.SpillCap[r] - Spilled[r]);
            if (addSpill > room)
            {
                (shortfalls ??= []).Add(new Shortfall(poolId, r, want - held, free + room));
            }
        }

        return shortfalls is not null
            ? (LedgerResult.Refuse(shortfalls), old ?? Empty)
            : (LedgerResult.Accept(ResourceVector.FromSortedArrays(names, spill), old),
                new LedgerEntry(ResourceVector.FromSortedArrays(names, local), ResourceVector.FromSortedArrays(names, spill)));
    }

    private void Replace(string allocationId, LedgerEntry entry)
    {
        if (_entries.Remove(allocationId, out var old))
        {
            LocalUsed -= old.Local;
            Spilled -= old.Spill;
        }

        if (!entry.Amount.IsZero)
        {
            _entries[allocationId] = entry;
            LocalUsed += entry.Local;
            Spilled += entry.Spill;
        }
    }
}
