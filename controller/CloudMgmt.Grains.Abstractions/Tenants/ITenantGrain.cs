using Orleans.Concurrency;

namespace CloudMgmt.Grains.Tenants;

/// <summary>A department; keyed by tenant id. Keeps the index of its allocations and its usage.</summary>
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Records an allocation's current summary (insert or update). Durable when it returns.</summary>
    Task Record(AllocationSummary summary);

    [ReadOnly]
    Task<AllocationPage> List(AllocationQuery query);

    [ReadOnly]
    Task<TenantUsage> GetUsage();
}
