using CloudMgmt.Adapters.Ec2.Api;

namespace CloudMgmt.Adapters.Ec2.Catalogue;

/// <summary>Which instance types each availability zone offers, and their shapes.</summary>
internal sealed record CatalogueSnapshot(IReadOnlyDictionary<string, IReadOnlyList<InstanceShape>> Zones)
{
    public IReadOnlyDictionary<string, InstanceShape> Shapes { get; } = Zones.Values.SelectMany(z => z)
        .DistinctBy(s => s.Name).ToDictionary(s => s.Name, StringComparer.Ordinal);

    public IReadOnlyList<InstanceShape> OfferedIn(string zone) => Zones.GetValueOrDefault(zone) ?? [];
}

/// <summary>
/// Reads the catalogue (DescribeInstanceTypeOfferings per availability zone, then
/// DescribeInstanceTypes for the offered types) and reuses it for a while: it changes rarely, and
/// every observation needs the shapes to turn instance counts back into resources.
/// </summary>
internal sealed class InstanceCatalogue(Ec2Api api, IReadOnlyList<string>? onlyZones, TimeSpan lifetime, TimeProvider time)
{
    // One reference, swapped whole: concurrent calls read a complete snapshot or none (two may load at once, harmlessly).
    private volatile Cached? _cached;

    public async Task<AdapterResult<CatalogueSnapshot>> GetAsync(CancellationToken ct)
    {
        if (_cached is { } cached && time.GetUtcNow() < cached.Until)
        {
            return cached.Snapshot;
        }

        var offerings = await api.DescribeOfferingsAsync(ct);
        if (!offerings.Succeeded)
        {
            return offerings.Error!;
        }

        var offered = offerings.Value!
            .Where(o => o.Location is not null && o.InstanceType is not null && (onlyZones is null || onlyZones.Contains(o.Location)))
            .ToList();
        var types = await api.DescribeInstanceTypesAsync(offered.Select(o => o.InstanceType.Value).Distinct(StringComparer.Ordinal).ToList(), ct);
        if (!types.Succeeded)
        {
            return types.Error!;
        }

        var shapes = types.Value!.Select(InstanceShape.From).OfType<InstanceShape>().ToDictionary(s => s.Name, StringComparer.Ordinal);
        var zones = offered
            .GroupBy(o => o.Location, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<InstanceShape>)g
                .Select(o => shapes.GetValueOrDefault(o.InstanceType.Value)).OfType<InstanceShape>()
                .OrderBy(s => s.Name, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var snapshot = new CatalogueSnapshot(zones);
        _cached = new Cached(snapshot, time.GetUtcNow() + lifetime);
        return snapshot;
    }

    private sealed record Cached(CatalogueSnapshot Snapshot, DateTimeOffset Until);
}
