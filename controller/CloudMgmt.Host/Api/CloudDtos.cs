using CloudMgmt.Grains.Clouds;

namespace CloudMgmt.Host.Api;

public sealed record RegisterCloudRequest(
    string? Id, string? Kind, string? Region, Dictionary<string, string>? Labels, string? Endpoint, string? CredentialsRef,
    Dictionary<string, string>? Settings);

public sealed record UpdateCloudRequest(
    string? Region, Dictionary<string, string>? Labels, string? Endpoint, string? CredentialsRef, Dictionary<string, string>? Settings);

public sealed record ZoneResponse(string Zone, string Architecture, IReadOnlyDictionary<string, long> Capacity);

public sealed record HealthResponse(bool Healthy, string Detail, DateTimeOffset CheckedAt);

/// <summary>A cloud as the API shows it: the credentials reference, never credentials.</summary>
public sealed record CloudResponse(
    string Id, string Kind, string Region, IReadOnlyDictionary<string, string> Labels, string? Endpoint, string? CredentialsRef,
    IReadOnlyDictionary<string, string> Settings, bool Drained, IReadOnlyDictionary<string, long> Capacity,
    IReadOnlyDictionary<string, long> Reserved, IReadOnlyDictionary<string, long> Granted, IReadOnlyDictionary<string, long> Used, int Grants, IReadOnlyList<ZoneResponse> Zones,
    HealthResponse? Health, DateTimeOffset RegisteredAt)
{
    public static CloudResponse From(CloudView v) => new(
        v.Spec.Id, v.Spec.Kind, v.Spec.Region, v.Spec.Labels, v.Spec.Endpoint, v.Spec.CredentialsRef, v.Spec.Settings, v.Drained,
        Dto.Map(v.Capacity), Dto.Map(v.Reserved), Dto.Map(v.Granted), Dto.Map(v.Used), v.Inventory?.Grants ?? 0,
        (v.Inventory?.Zones ?? []).Select(z => new ZoneResponse(z.Zone, z.Architecture, Dto.Map(z.Capacity))).ToList(),
        v.Inventory is { } i ? new HealthResponse(i.Healthy, i.HealthDetail, i.CheckedAt) : null, v.RegisteredAt);
}
