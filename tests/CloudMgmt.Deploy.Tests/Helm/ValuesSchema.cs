using System.Text.Json;
using CloudMgmt.Deploy.Tests.Infrastructure;

namespace CloudMgmt.Deploy.Tests.Helm;

/// <summary>The chart's values.schema.json, walked alongside a values file.</summary>
internal sealed class ValuesSchema(JsonElement root)
{
    public static ValuesSchema Load() =>
        new(JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.ChartDir, "values.schema.json"))).RootElement.Clone());

    /// <summary>
    /// Paths of values the schema does not describe. A value is described when its schema node (after
    /// $ref) has a description; below a free-form map (no declared properties) the map's description covers its entries.
    /// </summary>
    public IEnumerable<string> UndescribedPaths(object? values) => Walk(values, root, "");

    private IEnumerable<string> Walk(object? value, JsonElement schema, string path)
    {
        if (value is not Dictionary<object, object?> map || !schema.TryGetProperty("properties", out var properties))
        {
            yield break;
        }

        foreach (var (key, child) in map)
        {
            var childPath = path + "/" + key;
            if (!properties.TryGetProperty((string)key, out var childSchema))
            {
                yield return childPath + " (not in the schema)";
                continue;
            }

            var resolved = Resolve(childSchema);
            if (!childSchema.TryGetProperty("description", out _) && !resolved.TryGetProperty("description", out _))
            {
                yield return childPath;
            }

            foreach (var inner in Walk(child, resolved, childPath))
            {
                yield return inner;
            }
        }
    }

    private JsonElement Resolve(JsonElement schema)
    {
        if (!schema.TryGetProperty("$ref", out var reference))
        {
            return schema;
        }

        var node = root;
        foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
        {
            node = node.GetProperty(part);
        }

        return node;
    }
}
