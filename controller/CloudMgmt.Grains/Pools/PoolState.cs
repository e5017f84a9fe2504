using CloudMgmt.Domain.Quota;
using CloudMgmt.Grains.Persistence;

namespace CloudMgmt.Grains.Pools;

/// <summary>A pool grain's durable state: its limits, its ledger, and the reservations not yet confirmed.</summary>
[GenerateSerializer]
public sealed class PoolState
{
    [Id(0)] public Dictionary<string, long> SubtreeQuota { get; set; } = [];
    [Id(1)] public Dictionary<string, long> Guaranteed { get; set; } = [];
    [Id(2)] public Dictionary<string, long> SpillCap { get; set; } = [];
    [Id(3)] public Dictionary<string, EntryState> Entries { get; set; } = [];

    /// <summary>
    /// Reservations changed and not yet confirmed by their allocation, with the time of the change.
    /// A crash between two pools of one path leaves such an entry; the pool asks the allocation
    /// about it later and drops it unless the allocation really holds it.
    /// </summary>
    [Id(4)] public Dictionary<string, DateTimeOffset> Unconfirmed { get; set; } = [];

    internal PoolLimits LoadLimits() =>
        new(VectorState.Load(SubtreeQuota), VectorState.Load(Guaranteed), VectorState.Load(SpillCap));

    internal void SaveLimits(PoolLimits limits)
    {
        SubtreeQuota = VectorState.Save(limits.SubtreeQuota);
        Guaranteed = VectorState.Save(limits.Guaranteed);
        SpillCap = VectorState.Save(limits.SpillCap);
    }

    internal PoolLedger LoadLedger() => PoolLedger.FromEntries(Entries.Select(e =>
        new KeyValuePair<string, LedgerEntry>(e.Key, new LedgerEntry(VectorState.Load(e.Value.Local), VectorState.Load(e.Value.Spill)))));
}

[GenerateSerializer]
public sealed class EntryState
{
    [Id(0)] public Dictionary<string, long> Local { get; set; } = [];
    [Id(1)] public Dictionary<string, long> Spill { get; set; } = [];

    internal static EntryState From(LedgerEntry entry) => new() { Local = VectorState.Save(entry.Local), Spill = VectorState.Save(entry.Spill) };
}
