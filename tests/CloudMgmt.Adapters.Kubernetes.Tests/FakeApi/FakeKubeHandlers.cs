using System.Text.Json;
using System.Text.Json.Nodes;

namespace CloudMgmt.Adapters.Kubernetes.Tests.FakeApi;

/// <summary>The verbs of the core/v1 resources this fake serves, on its store, with the API server's answers.</summary>
internal sealed class FakeKubeHandlers(FakeKubeStore store)
{
    public KubeResponse List(string resource, string? ns, string? selectorText, int? limit, string? continueToken)
    {
        var selector = LabelSelector.Parse(selectorText, out var error);
        if (selector is null)
        {
            return KubeStatus.BadRequest(error!);
        }

        var after = continueToken is null ? null : FakeKubeStore.DecodeContinue(continueToken);
        if (continueToken is not null && after is null)
        {
            return KubeStatus.BadRequest("continue key is not valid");
        }

        var matching = store.All(resource, ns).Where(o => selector.Matches(o.Labels))
            .Select(o => (Key: $"{o.Namespace}/{o.Name}", Object: o)).OrderBy(o => o.Key, StringComparer.Ordinal)
            .Where(o => after is null || string.CompareOrdinal(o.Key, after) > 0).ToList();
        var page = limit is > 0 ? matching.Take(limit.Value).ToList() : matching;
        var metadata = new JsonObject { ["resourceVersion"] = store.CurrentVersion };
        if (page.Count < matching.Count)
        {
            metadata["continue"] = FakeKubeStore.EncodeContinue(page[^1].Key);
            metadata["remainingItemCount"] = matching.Count - page.Count;
        }

        var items = new JsonArray();
        foreach (var (_, o) in page)
        {
            items.Add(store.Write(() => o.Render(FakeKubeStore.Now)));
        }

        return KubeResponse.Ok(new JsonObject
        {
            ["kind"] = FakeKubeStore.Kinds[resource] + "List", ["apiVersion"] = "v1", ["metadata"] = metadata, ["items"] = items,
        });
    }

    public KubeResponse Get(string resource, string? ns, string name) =>
        store.Find(resource, ns, name) is { } o ? KubeResponse.Ok(store.Write(() => o.Render(FakeKubeStore.Now))) : KubeStatus.NotFound(resource, name);

    public KubeResponse Create(string resource, string? ns, string body, string manager) => store.Write(() =>
    {
        if (Parse(body) is not { } obj || obj["metadata"]?["name"]?.GetValue<string>() is not { Length: > 0 } name)
        {
            return KubeStatus.BadRequest("the object has no metadata.name");
        }

        if (MissingNamespace(ns) is { } missing)
        {
            return missing;
        }

        if (store.Find(resource, ns, name) is not null)
        {
            return KubeStatus.AlreadyExists(resource, name);
        }

        var stored = store.Insert(resource, ns, name, obj);
        stored.RecordUpdate([], manager);
        return KubeResponse.Created(stored.Render(FakeKubeStore.Now));
    });

    /// <summary>PUT: optimistic concurrency on <c>metadata.resourceVersion</c> (a stale one is a 409), ownership to the writer.</summary>
    public KubeResponse Replace(string resource, string? ns, string name, string body, string manager) => store.Write(() =>
    {
        if (Parse(body) is not { } obj)
        {
            return KubeStatus.BadRequest("the body is not a JSON object");
        }

        if (store.Find(resource, ns, name) is not { } stored)
        {
            return KubeStatus.NotFound(resource, name);
        }

        var sentVersion = obj["metadata"]?["resourceVersion"]?.GetValue<string>();
        if (sentVersion is not null && sentVersion != stored.ResourceVersion)
        {
            return KubeStatus.Modified(resource, name);
        }

        var before = stored.Body;
        obj["metadata"] = obj["metadata"] ?? new JsonObject();
        foreach (var kept in new[] { "uid", "creationTimestamp", "name", "namespace" })
        {
            obj["metadata"]![kept] = before["metadata"]![kept]?.DeepClone();
        }

        obj.Remove("status");
        obj["apiVersion"] = "v1";
        obj["kind"] = FakeKubeStore.Kinds[resource];
        stored.Body = obj;
        stored.RecordUpdate(before, manager);
        store.Touch(stored);
        return KubeResponse.Ok(stored.Render(FakeKubeStore.Now));
    });

    /// <summary>PATCH with <c>application/apply-patch+yaml</c>: server-side apply (creates the object when it is missing).</summary>
    public KubeResponse Apply(string resource, string? ns, string name, string body, string? manager, bool force) => store.Write(() =>
    {
        if (string.IsNullOrEmpty(manager))
        {
            return KubeStatus.Invalid("PatchOptions.meta.k8s.io", "", "fieldManager: Required value: is required for apply patch");
        }

        if (Parse(body) is not { } applied)
        {
            return KubeStatus.BadRequest("error decoding YAML: the apply configuration is not an object");
        }

        if (applied["kind"]?.GetValue<string>() != FakeKubeStore.Kinds[resource] || applied["metadata"]?["name"]?.GetValue<string>() != name)
        {
            return KubeStatus.BadRequest("the kind or metadata.name of the apply configuration does not match the request");
        }

        if (MissingNamespace(ns) is { } missing)
        {
            return missing;
        }

        var stored = store.Find(resource, ns, name);
        var created = stored is null;
        if (stored is null)
        {
            stored = store.Insert(resource, ns, name, new JsonObject { ["metadata"] = new JsonObject() });
        }
        else if (!force && ServerSideApply.Conflicts(stored, applied, manager) is { Count: > 0 } conflicts)
        {
            return ServerSideApply.ConflictResponse(resource, name, conflicts);
        }

        var before = stored.Body.ToJsonString();
        ServerSideApply.Apply(stored, applied, manager);
        if (created || before != stored.Body.ToJsonString())
        {
            store.Touch(stored);
        }

        var rendered = stored.Render(FakeKubeStore.Now);
        return created ? KubeResponse.Created(rendered) : KubeResponse.Ok(rendered);
    });

    public KubeResponse Delete(string resource, string? ns, string name) => store.Write(() =>
    {
        if (store.Find(resource, ns, name) is not { } stored)
        {
            return KubeStatus.NotFound(resource, name);
        }

        store.Remove(stored);
        return KubeResponse.Ok(stored.Render(FakeKubeStore.Now));
    });

    private KubeResponse? MissingNamespace(string? ns) =>
        ns is not null && store.Find("namespaces", null, ns) is null ? KubeStatus.NotFound("namespaces", ns) : null;

    private static JsonObject? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
