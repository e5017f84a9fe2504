using CloudMgmt.Domain.Resources;
using Orleans.Concurrency;

namespace CloudMgmt.Grains.Clouds;

/// <summary>
/// One cloud under management; keyed by cloud id. Holds its registration, drain flag and last
/// inventory. It never calls the cloud: the reconciler does, and reports here.
/// Every admission placed on this cloud holds room here, so the ledger calls interleave: each
/// decides before its first await and then shares one group-committed write with the others.
/// </summary>
public interface ICloudGrain : IGrainWithStringKey
{
    Task<Outcome<CloudView>> Register(CloudSpec spec);

    Task<Outcome<CloudView>> Update(CloudUpdate update);

    /// <summary>A drained cloud keeps its grants but takes no new ones.</summary>
    Task<Outcome<CloudView>> SetDrained(bool drained);

    Task<Outcome<CloudView>> Remove();

    [AlwaysInterleave]
    Task<CloudView?> Get();

    Task RecordInventory(CloudInventory inventory);

    /// <summary>Granted and used per tenant as of the last healthy refresh (empty after a restart until the next one).</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<CloudTenantUsage>> GetTenantUsage();

    /// <summary>Holds room for an allocation's share on this cloud, unless the cloud lacks it. Idempotent per allocation.</summary>
    [AlwaysInterleave]
    Task<Outcome<DesiredGrant>> Reserve(DesiredGrant grant);

    /// <summary>Changes the room held for an allocation, unless the cloud lacks it.</summary>
    [AlwaysInterleave]
    Task<Outcome<DesiredGrant>> Resize(string allocationId, ResourceVector resources);

    /// <summary>Forgets an allocation's share (its grant is gone from the cloud, or was never made).</summary>
    [AlwaysInterleave]
    Task Unreserve(string allocationId);

    /// <summary>
    /// Records that the allocation knows its grant here is made as desired, at <paramref name="applied"/>:
    /// a row that changed since (a resize or its recovery) stays unconfirmed, so the reconciler comes back to it.
    /// </summary>
    [AlwaysInterleave]
    Task Confirm(string allocationId, ResourceVector applied);

    /// <summary>Marks an allocation's grant for removal by the reconciler.</summary>
    [AlwaysInterleave]
    Task MarkReleasing(string allocationId);

    [AlwaysInterleave]
    Task<IReadOnlyList<DesiredGrant>> GetDesired();
}

/// <summary>
/// The list of registered clouds (one grain, key "clouds"), and which cloud holds each secret: one
/// grain decides, one request at a time, so that two registrations naming one secret at once cannot
/// both be stored.
/// </summary>
public interface ICloudDirectoryGrain : IGrainWithStringKey
{
    Task Add(string cloudId);

    /// <summary>Takes the cloud off the list and frees every secret it holds.</summary>
    Task Remove(string cloudId);

    /// <summary>
    /// Holds <paramref name="secret"/> (a canonical credentials reference, never a secret's value) for
    /// <paramref name="cloudId"/> unless another cloud holds it; a holder equal to
    /// <paramref name="replacing"/> is replaced (the caller found its claim stale). The answer names
    /// the holder after the call.
    /// </summary>
    Task<SecretClaim> ClaimSecret(string secret, string cloudId, string? replacing = null);

    /// <summary>Frees the secret if <paramref name="cloudId"/> holds it.</summary>
    Task ReleaseSecret(string secret, string cloudId);

    [ReadOnly]
    Task<IReadOnlyList<string>> List();
}
