using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Grains.Clouds;

/// <summary>A registered cloud. <see cref="CredentialsRef"/> names where the credentials are kept (a secret, a file); never the credentials.</summary>
[GenerateSerializer, Immutable]
public sealed record CloudSpec(
    string Id, string Kind, string Region, IReadOnlyDictionary<string, string> Labels, string? Endpoint, string? CredentialsRef,
    IReadOnlyDictionary<string, string> Settings);

/// <summary>A change to a cloud; null fields stay as they are.</summary>
[GenerateSerializer, Immutable]
public sealed record CloudUpdate(
    string? Region, IReadOnlyDictionary<string, string>? Labels, string? Endpoint, string? CredentialsRef, IReadOnlyDictionary<string, string>? Settings);

/// <summary>Capacity of one zone, as the cloud last reported it.</summary>
[GenerateSerializer, Immutable]
public sealed record ZoneCapacity(string Zone, string Architecture, ResourceVector Capacity);

/// <summary>What the last inventory refresh found: capacity per zone, and the sum of the grants carrying our marks (granted and used).</summary>
[GenerateSerializer, Immutable]
/// <param name="Tenants">Granted and used per tenant; kept in memory by the cloud's grain (it is refreshed every pass), not persisted.</param>
public sealed record CloudInventory(
    IReadOnlyList<ZoneCapacity> Zones, ResourceVector Granted, ResourceVector Used, int Grants, bool Healthy, string HealthDetail,
    DateTimeOffset CheckedAt, IReadOnlyList<CloudTenantUsage>? Tenants = null);

/// <summary>What one tenant has on one cloud, summed over its grants there.</summary>
[GenerateSerializer, Immutable]
public sealed record CloudTenantUsage(string Tenant, ResourceVector Granted, ResourceVector Used);

/// <param name="Reserved">What the controller has placed on this cloud (desired grants), whether or not the grants exist there yet.</param>
[GenerateSerializer, Immutable]
public sealed record CloudView(
    CloudSpec Spec, bool Drained, ResourceVector Capacity, ResourceVector Reserved, ResourceVector Granted, ResourceVector Used,
    CloudInventory? Inventory, DateTimeOffset RegisteredAt);

/// <summary>A grant the controller wants on a cloud: the desired state the reconciler makes true.</summary>
/// <param name="Confirmed">The allocation has recorded this grant as made; a pass that finds it as desired has nothing to tell anyone.</param>
/// <param name="PendingSince">When the row last changed into wanting work (made, resized, released): how long the reconciler has had to converge it.</param>
[GenerateSerializer, Immutable]
public sealed record DesiredGrant(
    string AllocationId, string Tenant, string Pool, ResourceVector Resources, bool Releasing, bool Confirmed = false, DateTimeOffset? PendingSince = null);
