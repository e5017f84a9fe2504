using System.Text.Json.Nodes;

namespace CloudMgmt.Adapters.OpenStack.Identity;

/// <summary>The token's service catalog: finds a service's endpoint by type, interface and region.</summary>
internal sealed class ServiceCatalog(JsonArray entries)
{
    /// <summary>The URL of the first service of one of these types with the interface (and region, when given), or null.</summary>
    public string? Find(string iface, string? region, params string[] types)
    {
        foreach (var type in types)
        {
            foreach (var service in entries.OfType<JsonObject>().Where(s => (string?)s["type"] == type))
            {
                var endpoint = (service["endpoints"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(e =>
                    (string?)e["interface"] == iface &&
                    (region is null || (string?)e["region_id"] == region || (string?)e["region"] == region));
                if (endpoint?["url"]?.ToString() is { Length: > 0 } url)
                    return url.TrimEnd('/');
            }
        }
        return null;
    }
}
