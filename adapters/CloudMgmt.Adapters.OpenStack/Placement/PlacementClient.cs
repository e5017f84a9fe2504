using System.Text.Json.Nodes;
using CloudMgmt.Adapters.OpenStack.Http;

namespace CloudMgmt.Adapters.OpenStack.Placement;

/// <summary>One inventory of a resource provider: capacity is (total − reserved) × allocation_ratio, as Placement itself counts it.</summary>
internal sealed record Inventory(string ResourceClass, long Total, long Reserved, double AllocationRatio)
{
    public long Capacity => (long)Math.Floor((Total - Reserved) * AllocationRatio);
}

internal sealed record ResourceProvider(string Uuid, string Name, IReadOnlyList<Inventory> Inventories, IReadOnlyList<string> Traits);

/// <summary>The Placement calls the adapter needs: providers with inventories and traits, and usages per project.</summary>
internal sealed class PlacementClient(OpenStackApi api)
{
    private static readonly OpenStackService Placement = OpenStackService.Placement;

    public async Task<AdapterResult<IReadOnlyList<ResourceProvider>>> ListProvidersAsync(CancellationToken ct)
    {
        var listed = await api.GetAsync(Placement, "/resource_providers", ct);
        if (!listed.Succeeded)
            return listed.Error!;
        var providers = new List<ResourceProvider>();
        foreach (var rp in (listed.Value?["resource_providers"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var uuid = rp["uuid"]!.ToString();
            var inventories = await api.GetAsync(Placement, $"/resource_providers/{uuid}/inventories", ct);
            if (!inventories.Succeeded)
                return inventories.Error!;
            var traits = await api.GetAsync(Placement, $"/resource_providers/{uuid}/traits", ct);
            if (!traits.Succeeded)
                return traits.Error!;
            providers.Add(new ResourceProvider(uuid, rp["name"]?.ToString() ?? uuid,
                (inventories.Value?["inventories"] as JsonObject ?? []).Select(i => new Inventory(i.Key,
                    i.Value?["total"]?.GetValue<long>() ?? 0, i.Value?["reserved"]?.GetValue<long>() ?? 0,
                    i.Value?["allocation_ratio"]?.GetValue<double>() ?? 1.0)).ToList(),
                (traits.Value?["traits"] as JsonArray ?? []).Select(t => t!.ToString()).ToList()));
        }
        return providers;
    }

    /// <summary>A project's usages across all providers, by resource class.</summary>
    public async Task<AdapterResult<IReadOnlyDictionary<string, long>>> ProjectUsagesAsync(string projectId, CancellationToken ct)
    {
        var got = await api.GetAsync(Placement, $"/usages?project_id={projectId}", ct);
        if (!got.Succeeded)
            return got.Error!;
        return (got.Value?["usages"] as JsonObject ?? []).ToDictionary(u => u.Key, u => u.Value?.GetValue<long>() ?? 0, StringComparer.Ordinal);
    }

    /// <summary>The highest microversion Placement offers (version discovery on its root).</summary>
    public async Task<AdapterResult<Version>> MaxMicroversionAsync(CancellationToken ct)
    {
        var got = await api.GetAsync(Placement, "/", ct);
        if (!got.Succeeded)
            return got.Error!;
        var max = (got.Value?["versions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault()?["max_version"]?.ToString();
        return Version.TryParse(max, out var v) ? v : AdapterError.Of(AdapterErrorKind.Invalid, "placement's version document names no max_version");
    }
}
