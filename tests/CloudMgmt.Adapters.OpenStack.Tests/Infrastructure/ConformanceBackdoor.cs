using System.Text.Json.Nodes;
using CloudMgmt.Adapters.Conformance;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.OpenStack.Tests.Infrastructure;

/// <summary>
/// The conformance suite's back door to the real OpenStack: admin REST calls on the tenant project's
/// grant ledger (a Keystone project property) and its Nova quota, as an operator would make them by hand.
/// </summary>
public sealed class ConformanceBackdoor(OpenStackPeer peer, FaultProxy proxy) : IConformanceBackdoor
{
    private PeerAdmin Admin => peer.Admin;

    /// <summary>More than the peer's one fake hypervisor holds: 10 vCPU × 16 = 160 vCPU.</summary>
    public ResourceVector MoreThanAnyZone => ResourceVector.Of(1000, 4);

    public ResourceVector Small => ResourceVector.Of(2, 1);

    public async Task ChangeGrantAsync(GrantRef grant, ResourceVector granted)
    {
        var (project, entry) = await EntryAsync(grant);
        var quota = await Admin.QuotaAsync(project["id"]!.ToString());
        var cores = quota["cores"]!["limit"]!.GetValue<long>() + granted[ResourceNames.Vcpu] - Long(entry, ResourceNames.Vcpu);
        var ram = quota["ram"]!["limit"]!.GetValue<long>() + (granted[ResourceNames.MemoryGiB] - Long(entry, ResourceNames.MemoryGiB)) * 1024;
        await Admin.SetQuotaAsync(project["id"]!.ToString(), cores, ram);
    }

    public async Task DeleteGrantAsync(GrantRef grant)
    {
        var (project, entry) = await EntryAsync(grant);
        var id = project["id"]!.ToString();
        var ledger = (JsonObject)project["cloudmgmt_grants"]!.DeepClone();
        ledger.Remove(grant.AllocationId);
        await Admin.Keystone(HttpMethod.Patch, $"/projects/{id}", new JsonObject { ["project"] = new JsonObject { ["cloudmgmt_grants"] = ledger } });
        var quota = await Admin.QuotaAsync(id);
        await Admin.SetQuotaAsync(id, quota["cores"]!["limit"]!.GetValue<long>() - Long(entry, ResourceNames.Vcpu),
            quota["ram"]!["limit"]!.GetValue<long>() - Long(entry, ResourceNames.MemoryGiB) * 1024);
    }

    /// <summary>An entry with our marks in a tenant project of ours, that no allocation knows of.</summary>
    public async Task CreateOrphanAsync(GrantRef grant, ResourceVector granted)
    {
        var domain = (await Admin.Keystone(HttpMethod.Get, $"/domains?name=cloudmgmt-{grant.Tenant.PoolId}"))!["domains"]!.AsArray().FirstOrDefault()?["id"]?.ToString()
            ?? (await Admin.Keystone(HttpMethod.Post, "/domains", new JsonObject { ["domain"] = new JsonObject { ["name"] = $"cloudmgmt-{grant.Tenant.PoolId}" } }))!["domain"]!["id"]!.ToString();
        var resources = new JsonObject();
        foreach (var (name, value) in granted.Entries)
            resources[name] = value;
        if (await Admin.ProjectOfAsync(grant.Tenant.TenantId) is { } existing)
        {
            var ledger = (JsonObject)(existing["cloudmgmt_grants"]?.DeepClone() ?? new JsonObject());
            ledger[grant.AllocationId] = new JsonObject { ["resources"] = resources };
            await Admin.Keystone(HttpMethod.Patch, $"/projects/{existing["id"]}", new JsonObject { ["project"] = new JsonObject { ["cloudmgmt_grants"] = ledger } });
            return;
        }
        await Admin.Keystone(HttpMethod.Post, "/projects", new JsonObject
        {
            ["project"] = new JsonObject
            {
                ["name"] = $"cm-{grant.Tenant.TenantId}",
                ["domain_id"] = domain,
                ["tags"] = new JsonArray("cloudmgmt-managed", $"cloudmgmt-tenant={grant.Tenant.TenantId}", $"cloudmgmt-pool={grant.Tenant.PoolId}"),
                ["cloudmgmt_grants"] = new JsonObject { [grant.AllocationId] = new JsonObject { ["resources"] = resources } },
            },
        });
    }

    public async Task<int> CountObjectsAsync(GrantRef grant)
    {
        var listed = await Admin.Keystone(HttpMethod.Get, "/projects?tags=cloudmgmt-managed");
        return listed!["projects"]!.AsArray().Count(p => p?["cloudmgmt_grants"]?[grant.AllocationId] is not null);
    }

    public Task SetOutageAsync(bool down)
    {
        proxy.Outage = down;
        return Task.CompletedTask;
    }

    private async Task<(JsonObject Project, JsonNode Entry)> EntryAsync(GrantRef grant)
    {
        var project = await Admin.ProjectOfAsync(grant.Tenant.TenantId) ?? throw new InvalidOperationException($"no project for {grant.Tenant.TenantId}");
        var entry = project["cloudmgmt_grants"]?[grant.AllocationId] ?? throw new InvalidOperationException($"no ledger entry for {grant.AllocationId}");
        return (project, entry);
    }

    private static long Long(JsonNode entry, string name) => entry["resources"]?[name]?.GetValue<long>() ?? 0;
}
