using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Grains.Clouds;

/// <summary>A registered cloud. <see cref="CredentialsRef"/> names where the credentials are kept (a secret, a file); never the credentials.</summary>
/// <param name="AllowInsecureEndpoint">The cloud may be reached over plain http; https only otherwise.</param>
[GenerateSerializer, Immutable]
public sealed record CloudSpec(
    string Id, string Kind, string Region, IReadOnlyDictionary<string, string> Labels, string? Endpoint, string? CredentialsRef,
    IReadOnlyDictionary<string, string> Settings, bool AllowInsecureEndpoint = false);

/// <summary>
/// A change to a cloud; null fields stay as they are. A change of the endpoint, or allowing an
/// insecure one, must give the credentials reference again: where a secret is sent is decided with
/// the secret named, not by changing an address under a reference given long ago.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CloudUpdate(
    string? Region, IReadOnlyDictionary<string, string>? Labels, string? Endpoint, string? CredentialsRef, IReadOnlyDictionary<string, string>? Settings,
    bool? AllowInsecureEndpoint = null)
{
    /// <summary>Why this change may not be made without naming the credentials again, or null when it may.</summary>
    public string? RedirectsWithoutReference(CloudSpec current)
    {
        var redirects = (Endpoint is not null && Endpoint != current.Endpoint) || (AllowInsecureEndpoint == true && !current.AllowInsecureEndpoint);
        return redirects && CredentialsRef is null
            ? "must be given again when the endpoint changes or an insecure endpoint is allowed: name the secret that may be sent there"
            : null;
    }

    /// <summary>The registration as it will be after this change.</summary>
    public CloudSpec ApplyTo(CloudSpec current) => current with
    {
        Region = Region ?? current.Region,
        Labels = Labels ?? current.Labels,
        Endpoint = Endpoint ?? current.Endpoint,
        CredentialsRef = CredentialsRef ?? current.CredentialsRef,
        Settings = Settings ?? current.Settings,
        AllowInsecureEndpoint = AllowInsecureEndpoint ?? current.AllowInsecureEndpoint,
    };
}

/// <summary>Capacity of one zone, as the cloud last reported it.</summary>
[GenerateSerializer, Immutable]
public sealed record ZoneCapacity(string Zone, string Architecture, ResourceVector Capacity);

/// <summary>What the last inventory refresh found: capacity per zone, and the sum of the grants carrying our marks (granted and used).</summary>
[GenerateSerializer, Immutable]
/// <param name="HealthDetail">The reason for operators: short, one line, never a cloud's own words (see HealthReason).</param>
/// <param name="Tenants">Granted and used per tenant; kept in memory by the cloud's grain (it is refreshed every pass), not persisted.</param>
/// <param name="HealthSummary">The reason for everyone else: the kind and status only, naming no endpoint or reference; null: the detail is fit for all.</param>
public sealed record CloudInventory(
    IReadOnlyList<ZoneCapacity> Zones, ResourceVector Granted, ResourceVector Used, int Grants, bool Healthy, string HealthDetail,
    DateTimeOffset CheckedAt, IReadOnlyList<CloudTenantUsage>? Tenants = null, string? HealthSummary = null);

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

/// <summary>Who holds a secret after a claim: <paramref name="New"/> when this claim took it (so a failed store must free it), since when.</summary>
[GenerateSerializer, Immutable]
public sealed record SecretClaim(string Secret, string Holder, bool New, DateTimeOffset ClaimedAt);
