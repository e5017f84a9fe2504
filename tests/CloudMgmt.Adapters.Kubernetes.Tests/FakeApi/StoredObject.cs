using System.Text.Json.Nodes;

namespace CloudMgmt.Adapters.Kubernetes.Tests.FakeApi;

/// <summary>One object in the fake store: its body and which field manager owns which of its fields.</summary>
internal sealed class StoredObject(string resource, string? ns, string name, JsonObject body)
{
    public string Resource { get; } = resource;

    public string? Namespace { get; } = ns;

    public string Name { get; } = name;

    public JsonObject Body { get; set; } = body;

    /// <summary>Owned field paths per (manager, operation): Apply entries and Update entries are kept apart, as the API server does.</summary>
    public Dictionary<(string Manager, string Operation), HashSet<string>> Owners { get; } = [];

    public IReadOnlyDictionary<string, string> Labels =>
        (Body["metadata"]?["labels"] as JsonObject)?.ToDictionary(l => l.Key, l => l.Value?.GetValue<string>() ?? "", StringComparer.Ordinal)
        ?? new Dictionary<string, string>();

    public string ResourceVersion => Body["metadata"]?["resourceVersion"]?.GetValue<string>() ?? "";

    /// <summary>The object as the API returns it, with <c>metadata.managedFields</c>.</summary>
    public JsonObject Render(string time)
    {
        var copy = (JsonObject)Body.DeepClone();
        var managed = new JsonArray();
        foreach (var ((manager, operation), paths) in Owners.Where(o => o.Value.Count > 0).OrderBy(o => o.Key.Manager, StringComparer.Ordinal))
        {
            managed.Add(new JsonObject
            {
                ["manager"] = manager,
                ["operation"] = operation,
                ["apiVersion"] = "v1",
                ["time"] = time,
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = FieldPaths.FieldsV1(paths),
            });
        }

        copy["metadata"]!["managedFields"] = managed;
        return copy;
    }

    /// <summary>Records an Update by <paramref name="manager"/>: it takes the fields whose value it set or changed; removed fields lose every owner.</summary>
    public void RecordUpdate(JsonObject before, string manager)
    {
        var old = FieldPaths.Leaves(before);
        var now = FieldPaths.Leaves(Body);
        foreach (var removed in old.Keys.Except(now.Keys))
        {
            foreach (var owned in Owners.Values)
            {
                owned.Remove(removed);
            }
        }

        var mine = Owner(manager, "Update");
        foreach (var (path, value) in now.Where(n => !old.TryGetValue(n.Key, out var was) || !JsonNode.DeepEquals(was, n.Value)))
        {
            foreach (var (key, owned) in Owners.Where(o => o.Key != (manager, "Update")))
            {
                owned.Remove(path);
            }

            mine.Add(path);
        }
    }

    public HashSet<string> Owner(string manager, string operation)
    {
        if (!Owners.TryGetValue((manager, operation), out var owned))
        {
            Owners[(manager, operation)] = owned = new HashSet<string>(StringComparer.Ordinal);
        }

        return owned;
    }
}
