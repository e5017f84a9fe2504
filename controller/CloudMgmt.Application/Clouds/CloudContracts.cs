using System.Text.Json.Serialization;
using CloudMgmt.Adapters;
using CloudMgmt.Application.Pools;
using CloudMgmt.Grains.Clouds;

namespace CloudMgmt.Application.Clouds;

/// <param name="AllowInsecureEndpoint">Allow plain http to the endpoint and every URL the cloud hands out (a lab, a loopback test peer); https only otherwise.</param>
public sealed record RegisterCloudRequest(
    string? Id, string? Kind, string? Region, Dictionary<string, string>? Labels, string? Endpoint, string? CredentialsRef,
    Dictionary<string, string>? Settings, bool? AllowInsecureEndpoint = null);

/// <summary>A change; absent fields stay. A new endpoint, or allowing an insecure one, needs <c>credentialsRef</c> given again.</summary>
public sealed record UpdateCloudRequest(
    string? Region, Dictionary<string, string>? Labels, string? Endpoint, string? CredentialsRef, Dictionary<string, string>? Settings,
    bool? AllowInsecureEndpoint = null);

public sealed record ZoneResponse(string Zone, string Architecture, IReadOnlyDictionary<string, long> Capacity);

/// <param name="Detail">A short reason (one line, never the cloud's own words); for departments and viewers only its kind and HTTP status.</param>
public sealed record HealthResponse(bool Healthy, string Detail, DateTimeOffset CheckedAt);

/// <summary>
/// A cloud as the API shows it. Operators also see how it is reached (<c>endpoint</c>,
/// <c>credentialsRef</c>, <c>allowInsecureEndpoint</c>, <c>settings</c>): the reference, never the
/// credentials. Departments and viewers see capacity, figures and health only.
/// </summary>
public sealed record CloudResponse(
    string Id, string Kind, string Region, IReadOnlyDictionary<string, string> Labels,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Endpoint,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CredentialsRef,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? AllowInsecureEndpoint,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Settings,
    bool Drained, IReadOnlyDictionary<string, long> Capacity,
    IReadOnlyDictionary<string, long> Reserved, IReadOnlyDictionary<string, long> Granted, IReadOnlyDictionary<string, long> Used, int Grants, IReadOnlyList<ZoneResponse> Zones,
    HealthResponse? Health, DateTimeOffset RegisteredAt)
{
    public static CloudResponse From(CloudView v, bool operatorView)
    {
        var spec = v.Spec;
        return new(
            spec.Id, spec.Kind, spec.Region, spec.Labels,
            operatorView ? spec.Endpoint : null, operatorView ? spec.CredentialsRef : null,
            operatorView ? spec.AllowInsecureEndpoint : null, operatorView ? spec.Settings : null,
            v.Drained, PoolResponse.Map(v.Capacity), PoolResponse.Map(v.Reserved), PoolResponse.Map(v.Granted), PoolResponse.Map(v.Used), v.Inventory?.Grants ?? 0,
            (v.Inventory?.Zones ?? []).Select(z => new ZoneResponse(z.Zone, z.Architecture, PoolResponse.Map(z.Capacity))).ToList(),
            v.Inventory is { } i ? new HealthResponse(i.Healthy, Detail(i, operatorView), i.CheckedAt) : null, v.RegisteredAt);
    }

    /// <summary>
    /// Cleaned again on the way out: a detail stored by an older version may be a cloud's whole answer.
    /// Without a summary (stored before there were any), others learn only healthy or not.
    /// </summary>
    private static string Detail(CloudInventory inventory, bool operatorView) =>
        operatorView ? HealthReason.Clean(inventory.HealthDetail)
        : inventory.HealthSummary is { } summary ? HealthReason.Clean(summary)
        : inventory.Healthy ? "healthy" : "unhealthy";
}

/// <summary>The answer of <c>POST /clouds?dryRun=true</c>: the registration is valid, and what trying its connection found. Nothing was stored.</summary>
public sealed record CloudDryRunResponse(string Id, string Kind, bool DryRun, bool Stored, ConnectionResponse Connection);

/// <param name="Detail">A short reason, never the cloud's own words.</param>
public sealed record ConnectionResponse(bool Healthy, string Detail, IReadOnlyDictionary<string, long>? Capacity, IReadOnlyList<ZoneResponse>? Zones)
{
    public static ConnectionResponse From(ConnectionProbe probe) => new(
        probe.Healthy, probe.Detail, probe.Capacity is { } c ? PoolResponse.Map(c.Total) : null,
        probe.Capacity?.Slices.Select(s => new ZoneResponse(s.Zone, s.Architecture, PoolResponse.Map(s.Capacity))).ToList());
}
