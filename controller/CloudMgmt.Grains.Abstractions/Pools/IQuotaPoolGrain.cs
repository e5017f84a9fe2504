using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;
using Orleans.Concurrency;

namespace CloudMgmt.Grains.Pools;

/// <summary>One pool of the quota tree; keyed by pool id. Owns its ledger and decides alone.</summary>
public interface IQuotaPoolGrain : IGrainWithStringKey
{
    /// <summary>
    /// Sets what the pool holds for an allocation (zero releases). The decision is final when it
    /// returns; the write is under way: call <see cref="Flush"/> before relying on it being durable.
    /// Along a path the caller flushes every pool at once, instead of waiting for each in turn.
    /// </summary>
    Task<LedgerResult> Set(string allocationId, ResourceVector amount);

    /// <summary>Completes when every change this pool accepted so far is on disk.</summary>
    Task Flush();

    /// <summary>Puts back the entry a <see cref="Set"/> replaced, when a pool further up refused.</summary>
    Task Restore(string allocationId, LedgerEntry? previous);

    /// <summary>What <see cref="Set"/> would answer, changing nothing.</summary>
    [ReadOnly]
    Task<LedgerResult> Evaluate(string allocationId, ResourceVector amount);

    /// <summary>Takes new limits, unless the reservations held now would not fit them.</summary>
    Task<Failure?> ApplyLimits(PoolLimits limits);

    [ReadOnly]
    Task<PoolUsage> GetUsage();

    /// <summary>Activates the pool so that it checks reservations left by an interrupted request.</summary>
    Task Wake();
}
