using System.Text.Json.Nodes;

namespace CloudMgmt.Adapters.Kubernetes.Tests.FakeApi;

/// <summary>
/// Server-side apply as the API server does it, for the fields this fake tracks: the applier comes
/// to own exactly the fields of its apply configuration; a field another manager owns with a
/// different value is a conflict (409) unless the apply is forced, which takes the field over; a
/// field the applier owned before and leaves out now is removed, unless someone else owns it too.
/// </summary>
internal static class ServerSideApply
{
    /// <summary>The conflicts an apply would have, as "manager: .path" lines; empty when there are none.</summary>
    public static List<(string Manager, string Path)> Conflicts(StoredObject stored, JsonObject applied, string manager)
    {
        var current = FieldPaths.Leaves(stored.Body);
        var conflicts = new List<(string, string)>();
        foreach (var (path, value) in FieldPaths.Leaves(applied))
        {
            if (current.TryGetValue(path, out var now) && !JsonNode.DeepEquals(now, value))
            {
                conflicts.AddRange(stored.Owners
                    .Where(o => o.Key.Manager != manager && o.Value.Contains(path))
                    .Select(o => (o.Key.Manager, FieldPaths.Display(path))));
            }
        }

        return conflicts;
    }

    /// <summary>Applies (after the caller checked conflicts, or forced): takes over conflicting fields, drops fields no longer applied.</summary>
    public static void Apply(StoredObject stored, JsonObject applied, string manager)
    {
        var appliedLeaves = FieldPaths.Leaves(applied);
        var current = FieldPaths.Leaves(stored.Body);
        var previous = stored.Owner(manager, "Apply");

        foreach (var dropped in previous.Except(appliedLeaves.Keys).ToList())
        {
            if (!stored.Owners.Any(o => o.Key != (manager, "Apply") && o.Value.Contains(dropped)))
            {
                FieldPaths.Remove(stored.Body, dropped);
            }
        }

        foreach (var (path, value) in appliedLeaves)
        {
            if (current.TryGetValue(path, out var now) && !JsonNode.DeepEquals(now, value))
            {
                foreach (var other in stored.Owners.Where(o => o.Key.Manager != manager))
                {
                    other.Value.Remove(path); // forced: the field changes hands
                }
            }

            FieldPaths.Set(stored.Body, path, value);
        }

        previous.Clear();
        previous.UnionWith(appliedLeaves.Keys);
    }

    public static KubeResponse ConflictResponse(string resource, string name, List<(string Manager, string Path)> conflicts)
    {
        var causes = new JsonArray();
        foreach (var (manager, path) in conflicts)
        {
            causes.Add(new JsonObject { ["reason"] = "FieldManagerConflict", ["message"] = $"conflict with \"{manager}\"", ["field"] = path });
        }

        var lines = string.Join("\n", conflicts.Select(c => $"- {c.Manager}: {c.Path}"));
        return KubeStatus.Failure(409, "Conflict", $"Apply failed with {conflicts.Count} conflict{(conflicts.Count == 1 ? "" : "s")}: {lines}",
            new JsonObject { ["name"] = name, ["kind"] = resource, ["causes"] = causes });
    }
}
