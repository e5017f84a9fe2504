using System.Text.Json.Nodes;
using CloudMgmt.Adapters.OpenStack.Grants;
using CloudMgmt.Adapters.OpenStack.Http;

namespace CloudMgmt.Adapters.OpenStack.Compute;

/// <summary>A project's Nova quota with what is in use.</summary>
internal sealed record NovaQuotaUsage(long Cores, long RamMiB, long Instances, long CoresInUse, long RamMiBInUse, long InstancesInUse);

/// <summary>The Nova calls the adapter needs: quota sets, flavors, zones and hypervisors.</summary>
internal sealed class NovaClient(OpenStackApi api)
{
    private static readonly OpenStackService Nova = OpenStackService.Compute;

    public async Task<AdapterResult<NovaQuotaUsage>> GetQuotaAsync(string projectId, CancellationToken ct)
    {
        var got = await api.GetAsync(Nova, $"/os-quota-sets/{projectId}/detail", ct);
        if (!got.Succeeded)
            return got.Error!;
        var q = got.Value?["quota_set"];
        static long L(JsonNode? n) => n is JsonValue v && v.TryGetValue<long>(out var x) ? x : 0;
        return new NovaQuotaUsage(L(q?["cores"]?["limit"]), L(q?["ram"]?["limit"]), L(q?["instances"]?["limit"]),
            L(q?["cores"]?["in_use"]), L(q?["ram"]?["in_use"]), L(q?["instances"]?["in_use"]));
    }

    /// <summary>Sets cores, ram and instances. force: the quota follows the grants even below what the project already uses.</summary>
    public async Task<AdapterResult<bool>> SetQuotaAsync(string projectId, ProjectQuota quota, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["quota_set"] = new JsonObject { ["cores"] = quota.Cores, ["ram"] = quota.RamMiB, ["instances"] = quota.Instances, ["force"] = true },
        };
        var put = await api.SendAsync(Nova, HttpMethod.Put, $"/os-quota-sets/{projectId}", body, ct);
        return put.Succeeded ? true : put.Error!;
    }

    /// <summary>A flavor by id or name, for the instance-count policy.</summary>
    public async Task<AdapterResult<FlavorSize?>> FindFlavorAsync(string idOrName, CancellationToken ct)
    {
        var listed = await api.GetAsync(Nova, "/flavors/detail?is_public=None", ct);
        if (!listed.Succeeded)
            return listed.Error!;
        var flavor = (listed.Value?["flavors"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(f => (string?)f["id"] == idOrName || (string?)f["name"] == idOrName);
        return flavor is null ? new AdapterResult<FlavorSize?>(null, null)
            : new FlavorSize(flavor["name"]!.ToString(), flavor["vcpus"]!.GetValue<long>(), flavor["ram"]!.GetValue<long>());
    }

    /// <summary>Availability zone of every compute host ("nova" is Nova's default zone).</summary>
    public async Task<AdapterResult<IReadOnlyDictionary<string, string>>> ZoneOfHostsAsync(CancellationToken ct)
    {
        var got = await api.GetAsync(Nova, "/os-availability-zone/detail", ct);
        if (!got.Succeeded)
            return got.Error!;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var zone in (got.Value?["availabilityZoneInfo"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (zone["hosts"] is not JsonObject hosts || zone["zoneName"]?.ToString() is not { } name)
                continue;
            foreach (var (host, services) in hosts)
            {
                if (services is JsonObject s && s.ContainsKey("nova-compute"))
                    map[host] = name;
            }
        }
        return map;
    }

    /// <summary>Compute node (hypervisor) id → service host. At 2.53+ the id is the node's UUID, which is also its Placement provider's UUID.</summary>
    public async Task<AdapterResult<IReadOnlyDictionary<string, string>>> HostOfHypervisorsAsync(CancellationToken ct)
    {
        var got = await api.GetAsync(Nova, "/os-hypervisors/detail", ct);
        if (!got.Succeeded)
            return got.Error!;
        return (got.Value?["hypervisors"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(h => h["id"] is not null && h["service"]?["host"] is not null)
            .ToDictionary(h => h["id"]!.ToString(), h => h["service"]!["host"]!.ToString(), StringComparer.Ordinal);
    }

    /// <summary>The highest microversion the compute API offers (version discovery on its root).</summary>
    public async Task<AdapterResult<Version>> MaxMicroversionAsync(CancellationToken ct)
    {
        var got = await api.GetAsync(Nova, "/", ct);
        if (!got.Succeeded)
            return got.Error!;
        return Version.TryParse(got.Value?["version"]?["version"]?.ToString(), out var v) ? v
            : AdapterError.Of(AdapterErrorKind.Invalid, "nova's version document names no microversion");
    }
}
