namespace CloudMgmt.Client.Models;

/// <summary>A cloud to manage.</summary>
public sealed record NewCloud
{
    /// <summary>1-63 lower-case letters, digits and '-'.</summary>
    public required string Id { get; init; }

    /// <summary>openstack, kubernetes, ec2 or sandbox.</summary>
    public required string Kind { get; init; }

    /// <summary>Its region, e.g. "anhui".</summary>
    public required string Region { get; init; }

    /// <summary>Labels placement filters read: securityLevel, architecture, xinchuang, sector.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Its API endpoint (for OpenStack, Keystone).</summary>
    public string? Endpoint { get; init; }

    /// <summary>Where the controller reads its credentials: env:NAME (NAME starting with CLOUDMGMT_CLOUD_) or file:NAME (a file in its credentials directory). Never the credentials themselves.</summary>
    public string? CredentialsRef { get; init; }

    /// <summary>Adapter settings (see adapters/README.md).</summary>
    public IReadOnlyDictionary<string, string>? Settings { get; init; }

    /// <summary>Allow plain http to the endpoint (a lab, a loopback test peer); https only otherwise.</summary>
    public bool? AllowInsecureEndpoint { get; init; }
}

/// <summary>Changes to a cloud's registration; properties left null stay as they are.</summary>
public sealed record CloudChanges
{
    /// <summary>A new region.</summary>
    public string? Region { get; init; }

    /// <summary>New labels.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>A new endpoint (needs <see cref="CredentialsRef"/> given again).</summary>
    public string? Endpoint { get; init; }

    /// <summary>A new credentials reference.</summary>
    public string? CredentialsRef { get; init; }

    /// <summary>New adapter settings.</summary>
    public IReadOnlyDictionary<string, string>? Settings { get; init; }

    /// <summary>Allow or forbid plain http (allowing it needs <see cref="CredentialsRef"/> given again).</summary>
    public bool? AllowInsecureEndpoint { get; init; }
}

/// <summary>An availability zone of a cloud.</summary>
/// <param name="Zone">Its name.</param>
/// <param name="Architecture">x86_64 or aarch64.</param>
/// <param name="Capacity">What it holds.</param>
public sealed record CloudZone(string Zone, string Architecture, IReadOnlyDictionary<string, long> Capacity);

/// <summary>A cloud's health at its last check.</summary>
/// <param name="Healthy">It answered.</param>
/// <param name="Detail">What it said.</param>
/// <param name="CheckedAt">When.</param>
public sealed record CloudHealth(bool Healthy, string Detail, DateTimeOffset CheckedAt);

/// <summary>A managed cloud with its capacity, what is granted and used there, and its health.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Kind">openstack, kubernetes, ec2 or sandbox.</param>
/// <param name="Region">Its region.</param>
/// <param name="Labels">Its labels.</param>
/// <param name="Endpoint">Its endpoint (operators only).</param>
/// <param name="CredentialsRef">The reference to its credentials, never the credentials (operators only).</param>
/// <param name="Settings">Adapter settings (operators only).</param>
/// <param name="Drained">Nothing new is placed on it.</param>
/// <param name="Capacity">What it can hold.</param>
/// <param name="Reserved">What placement has promised on it.</param>
/// <param name="Granted">What the grants on it hold.</param>
/// <param name="Used">What is used there.</param>
/// <param name="Grants">How many grants it carries.</param>
/// <param name="Zones">Its zones.</param>
/// <param name="Health">Its last health check; null before the first.</param>
/// <param name="RegisteredAt">When it was registered.</param>
/// <param name="AllowInsecureEndpoint">Plain http is allowed to it (operators only).</param>
/// <remarks>How a cloud is reached (endpoint, reference, settings, http allowed) comes last and is absent for departments and viewers.</remarks>
public sealed record Cloud(
    string Id, string Kind, string Region, IReadOnlyDictionary<string, string> Labels, bool Drained, IReadOnlyDictionary<string, long> Capacity,
    IReadOnlyDictionary<string, long> Reserved, IReadOnlyDictionary<string, long> Granted, IReadOnlyDictionary<string, long> Used,
    int Grants, IReadOnlyList<CloudZone> Zones, CloudHealth? Health, DateTimeOffset RegisteredAt,
    string? Endpoint = null, string? CredentialsRef = null, IReadOnlyDictionary<string, string>? Settings = null, bool? AllowInsecureEndpoint = null);

/// <summary>What trying a registration found (<c>?dryRun=true</c>); nothing was stored.</summary>
/// <param name="Id">The cloud's id.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="DryRun">Always true.</param>
/// <param name="Stored">Always false.</param>
/// <param name="Connection">What the connection showed.</param>
public sealed record CloudDryRun(string Id, string Kind, bool DryRun, bool Stored, CloudConnectionCheck Connection);

/// <summary>The connection a dry run tried: authenticated, capacity and health.</summary>
/// <param name="Healthy">It answered as it should.</param>
/// <param name="Detail">A short reason, never the cloud's own words.</param>
/// <param name="Capacity">What it holds, when it answered.</param>
/// <param name="Zones">Its zones, when it answered.</param>
public sealed record CloudConnectionCheck(bool Healthy, string Detail, IReadOnlyDictionary<string, long>? Capacity, IReadOnlyList<CloudZone>? Zones);
