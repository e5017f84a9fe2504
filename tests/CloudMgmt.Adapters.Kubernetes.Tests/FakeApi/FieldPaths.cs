using System.Text.Json.Nodes;

namespace CloudMgmt.Adapters.Kubernetes.Tests.FakeApi;

/// <summary>
/// An object's fields as the paths field management tracks: every leaf below the object, except its
/// identity (kind, name, namespace), server-set metadata and status. Lists count as one leaf (atomic),
/// which is how the API server treats the lists this fake stores.
/// </summary>
internal static class FieldPaths
{
    private const char Separator = '\u001f';
    private static readonly HashSet<string> ServerOwned =
        ["apiVersion", "kind", "status", "metadata\u001fname", "metadata\u001fnamespace", "metadata\u001fuid", "metadata\u001fresourceVersion",
         "metadata\u001fcreationTimestamp", "metadata\u001fmanagedFields", "metadata\u001fgeneration"];

    public static Dictionary<string, JsonNode?> Leaves(JsonObject obj)
    {
        var leaves = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        Walk(obj, "", leaves);
        return leaves;
    }

    private static void Walk(JsonNode? node, string prefix, Dictionary<string, JsonNode?> into)
    {
        if (ServerOwned.Contains(prefix))
        {
            return;
        }

        if (node is JsonObject obj && obj.Count > 0)
        {
            foreach (var (key, child) in obj)
            {
                Walk(child, prefix.Length == 0 ? key : prefix + Separator + key, into);
            }
        }
        else if (prefix.Length > 0)
        {
            into[prefix] = node;
        }
    }

    public static void Set(JsonObject obj, string path, JsonNode? value)
    {
        var parts = path.Split(Separator);
        var at = obj;
        foreach (var part in parts[..^1])
        {
            if (at[part] is not JsonObject next)
            {
                at[part] = next = new JsonObject();
            }

            at = next;
        }

        at[parts[^1]] = value?.DeepClone();
    }

    /// <summary>Removes a leaf, and the objects it leaves empty.</summary>
    public static void Remove(JsonObject obj, string path)
    {
        var parts = path.Split(Separator);
        var chain = new List<JsonObject> { obj };
        foreach (var part in parts[..^1])
        {
            if (chain[^1][part] is not JsonObject next)
            {
                return;
            }

            chain.Add(next);
        }

        chain[^1].Remove(parts[^1]);
        for (var i = chain.Count - 1; i > 0 && chain[i].Count == 0; i--)
        {
            chain[i - 1].Remove(parts[i - 1]);
        }
    }

    public static string Display(string path) => "." + path.Replace(Separator, '.');

    /// <summary>The FieldsV1 form of a set of paths: nested <c>f:&lt;name&gt;</c> keys.</summary>
    public static JsonObject FieldsV1(IEnumerable<string> paths)
    {
        var root = new JsonObject();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var at = root;
            foreach (var part in path.Split(Separator))
            {
                if (at["f:" + part] is not JsonObject next)
                {
                    at["f:" + part] = next = new JsonObject();
                }

                at = next;
            }
        }

        return root;
    }
}
