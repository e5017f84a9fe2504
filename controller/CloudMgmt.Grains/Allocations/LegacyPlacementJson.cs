using System.Text.Json.Nodes;

namespace CloudMgmt.Grains.Allocations;

/// <summary>
/// Placement decisions stored before resource vectors had their own JSON shape hold each vector as
/// the type's members: <c>{"count":2,"isZero":false,"entries":[{"key":"memoryGiB","value":64},...]}</c>.
/// This rewrites them as the map every answer now shows (<c>{"memoryGiB":64,"vcpu":16}</c>), so that an
/// allocation placed before the upgrade reads as one placed after it.
/// </summary>
internal static class LegacyPlacementJson
{
    /// <summary>True when <paramref name="json"/> may hold a vector in the old shape (a cheap test before any parse).</summary>
    public static bool IsLegacy(string? json) => json is not null && json.Contains("\"isZero\"", StringComparison.Ordinal);

    public static string Upgrade(string json)
    {
        var root = JsonNode.Parse(json);
        return root is null ? json : Rewrite(root)!.ToJsonString();
    }

    private static JsonNode? Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o when IsOldVector(o):
                var map = new JsonObject();
                foreach (var entry in o["entries"]!.AsArray())
                {
                    map[(string)entry!["key"]!] = (long)entry["value"]!;
                }

                return map;
            case JsonObject o:
                foreach (var name in o.Select(p => p.Key).ToList())
                {
                    var child = o[name];
                    var rewritten = Rewrite(child);
                    if (!ReferenceEquals(child, rewritten))
                    {
                        o[name] = rewritten;
                    }
                }

                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var child = a[i];
                    var rewritten = Rewrite(child);
                    if (!ReferenceEquals(child, rewritten))
                    {
                        a[i] = rewritten;
                    }
                }

                return a;
            default:
                return node;
        }
    }

    private static bool IsOldVector(JsonObject o) =>
        o.Count == 3 && o["isZero"] is JsonValue && o["count"] is JsonValue && o["entries"] is JsonArray entries
        && entries.All(e => e is JsonObject { Count: 2 } pair && pair["key"] is JsonValue && pair["value"] is JsonValue);
}
