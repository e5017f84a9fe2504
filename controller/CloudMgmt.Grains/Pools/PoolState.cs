using CloudMgmt.Domain.Quota;
using CloudMgmt.Grains.Persistence;

namespace CloudMgmt.Grains.Pools;

/// <summary>A pool grain's own small state: its limits. Its reservations are rows of its ledger (<see cref="EntryRow"/>).</summary>
[GenerateSerializer]
public sealed class PoolState
{
    [Id(0)] public Dictionary<string, long> SubtreeQuota { get; set; } = [];
    [Id(1)] public Dictionary<string, long> Guaranteed { get; set; } = [];
    [Id(2)] public Dictionary<string, long> SpillCap { get; set; } = [];

    internal PoolLimits LoadLimits() =>
        new(VectorState.Load(SubtreeQuota), VectorState.Load(Guaranteed), VectorState.Load(SpillCap));

    internal void SaveLimits(PoolLimits limits)
    {
        SubtreeQuota = VectorState.Save(limits.SubtreeQuota);
        Guaranteed = VectorState.Save(limits.Guaranteed);
        SpillCap = VectorState.Save(limits.SpillCap);
    }
}

/// <summary>One reservation in a pool's ledger.</summary>
[GenerateSerializer]
public sealed class EntryRow
{
    [Id(0)] public Dictionary<string, long> Local { get; set; } = [];
    [Id(1)] public Dictionary<string, long> Spill { get; set; } = [];

    /// <summary>
    /// Set while the reservation is not yet confirmed by its allocation: the time of the change. A
    /// crash between two pools of one path leaves such an entry; the pool asks the allocation about
    /// it later and drops it unless the allocation really holds it.
    /// </summary>
    [Id(2)] public DateTimeOffset? UnconfirmedSince { get; set; }

    internal LedgerEntry Load() => new(VectorState.Load(Local), VectorState.Load(Spill));

    internal static EntryRow From(LedgerEntry entry, DateTimeOffset? unconfirmedSince) =>
        new() { Local = VectorState.Save(entry.Local), Spill = VectorState.Save(entry.Spill), UnconfirmedSince = unconfirmedSince };
}
