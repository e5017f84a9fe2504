using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CloudMgmt.Adapters.Kubernetes.Tests.FakeApi;

/// <summary>
/// The fake API server's objects: cluster-scoped (namespaces, nodes) and namespaced (resourcequotas,
/// limitranges). One lock; a global resourceVersion that every write bumps; ResourceQuota status
/// computed as the quota controller would (hard mirrors spec, used is the namespace's use).
/// </summary>
internal sealed partial class FakeKubeStore
{
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["namespaces"] = "Namespace", ["nodes"] = "Node", ["resourcequotas"] = "ResourceQuota", ["limitranges"] = "LimitRange",
    };

    private static readonly HashSet<string> ClusterScoped = ["namespaces", "nodes"];
    private readonly object _gate = new();
    private readonly SortedDictionary<string, StoredObject> _objects = new(StringComparer.Ordinal);
    private long _version = 1000;

    public const string Now = "2026-03-01T08:00:00Z";

    /// <summary>What each namespace's pods request, by quota key ("requests.cpu" = "1500m"): the quotas' status.used.</summary>
    public Dictionary<string, Dictionary<string, string>> NamespaceUse { get; } = [];

    public static bool IsClusterScoped(string resource) => ClusterScoped.Contains(resource);

    private static string Key(string resource, string? ns, string name) => $"{resource}/{ns ?? ""}/{name}";

    public StoredObject? Find(string resource, string? ns, string name)
    {
        lock (_gate)
        {
            return _objects.GetValueOrDefault(Key(resource, ns, name));
        }
    }

    public List<StoredObject> All(string resource, string? ns = null)
    {
        lock (_gate)
        {
            return _objects.Values.Where(o => o.Resource == resource && (ns is null || o.Namespace == ns)).ToList();
        }
    }

    /// <summary>Puts an object in as the cluster's own components would (nodes of the fixture), owned by no field manager.</summary>
    public void Seed(string resource, string? ns, JsonObject body)
    {
        lock (_gate)
        {
            var name = body["metadata"]!["name"]!.GetValue<string>();
            Stamp(body, name, ns, resource);
            _objects[Key(resource, ns, name)] = new StoredObject(resource, ns, name, body);
        }
    }

    /// <summary>Runs one change under the store's lock.</summary>
    public T Write<T>(Func<T> change)
    {
        lock (_gate)
        {
            return change();
        }
    }

    public StoredObject Insert(string resource, string? ns, string name, JsonObject body)
    {
        Stamp(body, name, ns, resource);
        var stored = new StoredObject(resource, ns, name, body);
        _objects[Key(resource, ns, name)] = stored;
        Touch(stored);
        return stored;
    }

    public void Remove(StoredObject stored)
    {
        _objects.Remove(Key(stored.Resource, stored.Namespace, stored.Name));
        if (stored.Resource == "namespaces")
        {
            foreach (var inside in _objects.Values.Where(o => o.Namespace == stored.Name).ToList())
            {
                _objects.Remove(Key(inside.Resource, inside.Namespace, inside.Name));
            }
        }
    }

    /// <summary>After a change: a new resourceVersion, and a quota's status as the quota controller would set it.</summary>
    public void Touch(StoredObject stored)
    {
        stored.Body["metadata"]!["resourceVersion"] = (++_version).ToString(CultureInfo.InvariantCulture);
        if (stored.Resource == "resourcequotas")
        {
            var hard = stored.Body["spec"]?["hard"] as JsonObject ?? [];
            var use = NamespaceUse.GetValueOrDefault(stored.Namespace!) ?? [];
            var used = new JsonObject();
            foreach (var (key, _) in hard)
            {
                used[key] = use.GetValueOrDefault(key, "0");
            }

            stored.Body["status"] = new JsonObject { ["hard"] = hard.DeepClone(), ["used"] = used };
        }
    }

    public string CurrentVersion
    {
        get
        {
            lock (_gate)
            {
                return _version.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    private void Stamp(JsonObject body, string name, string? ns, string resource)
    {
        body["apiVersion"] = "v1";
        body["kind"] = Kinds[resource];
        var metadata = body["metadata"] as JsonObject ?? [];
        body["metadata"] = metadata;
        metadata["name"] = name;
        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }

        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = Now;
        metadata["resourceVersion"] = (++_version).ToString(CultureInfo.InvariantCulture);
    }

    public static string EncodeContinue(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(key));

    public static string? DecodeContinue(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
