using System.Collections.Immutable;
using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;
using Orleans.Concurrency;

namespace CloudMgmt.Grains.Pools;

/// <summary>One pool of the quota tree; keyed by pool id. Owns its ledger and decides alone.</summary>
public interface IQuotaPoolGrain : IGrainWithStringKey
{
    /// <summary>
    /// Sets what this pool holds for an allocation and passes what spills to the pool above, which
    /// does the same: each pool of <paramref name="path"/> from <paramref name="level"/> up asks its
    /// parent itself, so one call from the allocation covers its whole path. A refusal anywhere
    /// leaves every pool as it was. Returns when every pool that changed has written the change.
    /// </summary>
    /// <param name="path">The allocation's pools, leaf first; this pool is <c>path[level]</c>.</param>
    /// <param name="previousReach">How many levels from this one held an entry for the allocation before.</param>
    Task<PathOutcome> SetAlong(string allocationId, ResourceVector amount, ImmutableArray<string> path, int level, int previousReach);

    /// <summary>
    /// The allocation's own record of its new reservation is durable: the entry it holds here is
    /// confirmed, and the pool no longer needs to ask the allocation about it. Sent by a new
    /// allocation once it has written its record; if this never arrives (a crash), the pool asks later.
    /// One-way: the allocation does not wait for the pools (the province root is the busiest grain).
    /// Arriving after a later change of the same allocation does no harm: a later change is a
    /// resize or release, which the allocation records as pending work before it touches the pools.
    /// </summary>
    [OneWay]
    Task Confirm(string allocationId);

    /// <summary>What setting <paramref name="amount"/> here would answer, changing nothing.</summary>
    [ReadOnly]
    Task<LedgerResult> Evaluate(string allocationId, ResourceVector amount);

    /// <summary>Takes new limits, unless the reservations held now would not fit them.</summary>
    Task<Failure?> ApplyLimits(PoolLimits limits);

    [ReadOnly]
    Task<PoolUsage> GetUsage();

    /// <summary>Activates the pool so that it checks reservations left by an interrupted request.</summary>
    Task Wake();
}
