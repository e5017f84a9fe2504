using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters;

/// <summary>Labels and tags that mark what the controller made on a cloud. One place, so every adapter marks alike.</summary>
public static class ManagementMarks
{
    public const string Managed = "cloudmgmt.io/managed";
    public const string Allocation = "cloudmgmt.io/allocation";
    public const string Tenant = "cloudmgmt.io/tenant";
    public const string Pool = "cloudmgmt.io/pool";

    /// <summary>The marks of one grant.</summary>
    public static IReadOnlyDictionary<string, string> For(GrantRef grant) => new Dictionary<string, string>
    {
        [Managed] = "true",
        [Allocation] = grant.AllocationId,
        [Tenant] = grant.Tenant.TenantId,
        [Pool] = grant.Tenant.PoolId,
    };
}

/// <summary>Capacity of one zone and architecture, with labels such as securityLevel or xinchuang.</summary>
public sealed record CapacitySlice(string Zone, string Architecture, IReadOnlyDictionary<string, string> Labels, ResourceVector Capacity);

public sealed record CloudCapacity(IReadOnlyList<CapacitySlice> Slices)
{
    public ResourceVector Total => Slices.Aggregate(ResourceVector.Zero, (sum, s) => sum + s.Capacity);
}

public sealed record TenantRef(string TenantId, string PoolId);

/// <summary>A tenant's space on a cloud: a project, a namespace, a tag set.</summary>
public sealed record TenantSpace(TenantRef Tenant, string ExternalId, string Name);

public sealed record GrantRef(string AllocationId, TenantRef Tenant);

/// <summary>What the controller wants granted for one allocation.</summary>
/// <param name="Zone">A zone to place it in, or null for the adapter to choose.</param>
/// <param name="Labels">Extra labels to carry, beside the management marks.</param>
public sealed record GrantSpec(GrantRef Grant, ResourceVector Resources, string? Zone, IReadOnlyDictionary<string, string> Labels);

/// <summary>What a cloud really has for one allocation, and how much of it is used.</summary>
public sealed record GrantObservation(
    string AllocationId, string TenantId, string ExternalId, ResourceVector Granted, ResourceVector Used, string? Zone,
    IReadOnlyDictionary<string, string> Marks);

public sealed record CloudHealth(bool Healthy, string Detail);

/// <summary>How to reach one registered cloud. Holds a reference to credentials, never the credentials themselves.</summary>
public sealed record CloudConnection(
    string CloudId, string Kind, string? Endpoint, string? Region, string? CredentialsRef, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>Whether the cloud may be reached over plain http (its endpoint and every URL it hands out); https only otherwise.</summary>
    public bool AllowInsecureEndpoint { get; init; }
}
