using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;
using Orleans.Concurrency;

namespace CloudMgmt.Grains.Pools;

/// <summary>One pool of the quota tree; keyed by pool id. Owns its ledger and decides alone.</summary>
public interface IQuotaPoolGrain : IGrainWithStringKey
{
    /// <summary>Sets what the pool holds for an allocation (zero releases). Durable when it returns.</summary>
    Task<LedgerResult> Set(string allocationId, ResourceVector amount);

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
