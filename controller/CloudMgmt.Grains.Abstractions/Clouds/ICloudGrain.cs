using CloudMgmt.Domain.Resources;
using Orleans.Concurrency;

namespace CloudMgmt.Grains.Clouds;

/// <summary>One cloud under management; keyed by cloud id. Holds its registration, drain flag and last inventory. It never calls the cloud: the reconciler does, and reports here.</summary>
public interface ICloudGrain : IGrainWithStringKey
{
    Task<Outcome<CloudView>> Register(CloudSpec spec);

    Task<Outcome<CloudView>> Update(CloudUpdate update);

    /// <summary>A drained cloud keeps its grants but takes no new ones.</summary>
    Task<Outcome<CloudView>> SetDrained(bool drained);

    Task<Outcome<CloudView>> Remove();

    [ReadOnly]
    Task<CloudView?> Get();

    Task RecordInventory(CloudInventory inventory);

    /// <summary>Granted and used per tenant as of the last healthy refresh (empty after a restart until the next one).</summary>
    Task<IReadOnlyList<CloudTenantUsage>> GetTenantUsage();

    /// <summary>Holds room for an allocation's share on this cloud, unless the cloud lacks it. Idempotent per allocation.</summary>
    Task<Outcome<DesiredGrant>> Reserve(DesiredGrant grant);

    /// <summary>Changes the room held for an allocation, unless the cloud lacks it.</summary>
    Task<Outcome<DesiredGrant>> Resize(string allocationId, ResourceVector resources);

    /// <summary>Forgets an allocation's share (its grant is gone from the cloud, or was never made).</summary>
    Task Unreserve(string allocationId);

    /// <summary>Records that the allocation knows its grant here is made as desired.</summary>
    Task Confirm(string allocationId);

    /// <summary>Marks an allocation's grant for removal by the reconciler.</summary>
    Task MarkReleasing(string allocationId);

    [ReadOnly]
    Task<IReadOnlyList<DesiredGrant>> GetDesired();
}

/// <summary>The list of registered clouds (one grain, key "clouds").</summary>
public interface ICloudDirectoryGrain : IGrainWithStringKey
{
    Task Add(string cloudId);

    Task Remove(string cloudId);

    [ReadOnly]
    Task<IReadOnlyList<string>> List();
}
