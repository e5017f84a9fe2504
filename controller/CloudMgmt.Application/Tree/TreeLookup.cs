using CloudMgmt.Application.Access;
using CloudMgmt.Grains.Allocations;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Grains.Tenants;

namespace CloudMgmt.Application.Tree;

/// <summary>Where pools, tenants and allocations sit in the tree (root first), read from the catalog, for access decisions and audit scopes.</summary>
public sealed class TreeLookup(IGrainFactory grains)
{
    public ICatalogGrain Catalog => grains.GetGrain<ICatalogGrain>(CatalogGrain.Key);

    /// <summary>The pools from the root down to <paramref name="poolId"/>; null when it does not exist.</summary>
    public async Task<IReadOnlyList<string>?> PoolPathAsync(string poolId) =>
        await Catalog.GetAdmissionPath(poolId) is { } path ? path.PoolIds.Reverse().ToList() : null;

    public async Task<Resource?> PoolAsync(string poolId) =>
        await PoolPathAsync(poolId) is { } path ? Resource.Pool(path) : null;

    public async Task<(TenantSpec Spec, Resource Resource)?> TenantAsync(string tenantId)
    {
        if (await Catalog.GetTenant(tenantId) is not { } spec || await PoolPathAsync(spec.Pool) is not { } path)
        {
            return null;
        }

        return (spec, Tenant(spec.Id, path));
    }

    /// <summary>A department's tenant's pool path (the pools it may read); null for every other caller.</summary>
    public async Task<IReadOnlyList<string>?> TenantPathOfAsync(Principal caller) =>
        caller.Tenant is { } tenant && await Catalog.GetTenant(tenant) is { } spec ? await PoolPathAsync(spec.Pool) : null;

    /// <summary>The tenants the caller reaches (a department: its own), in id order.</summary>
    public async Task<IReadOnlyList<TenantSpec>> VisibleTenantsAsync(Principal caller)
    {
        var tenants = await Catalog.ListTenants();
        if (caller.Unscoped && caller.Role != Grains.Keys.ApiRole.Department)
        {
            return tenants;
        }

        var paths = Paths(await Catalog.ListPools());
        return tenants.Where(t => paths.TryGetValue(t.Pool, out var path) && AccessPolicy.Reaches(caller, Tenant(t.Id, path))).ToList();
    }

    public static Resource Tenant(string tenantId, IReadOnlyList<string> poolPath) => new(ResourceKind.Tenant, tenantId, poolPath, tenantId);

    public static Resource Allocation(AllocationView view) =>
        new(ResourceKind.Allocation, view.Id, view.Decision.Path.Reverse().ToList(), view.Tenant);

    /// <summary>Every pool's path, root first, from one listing (for filtering lists without a call per pool).</summary>
    public static Dictionary<string, IReadOnlyList<string>> Paths(IReadOnlyList<PoolSpec> pools)
    {
        var parents = pools.ToDictionary(p => p.Id, p => p.Parent, StringComparer.Ordinal);
        var paths = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var pool in pools)
        {
            var path = new List<string>();
            for (var id = (string?)pool.Id; id is not null && path.Count <= pools.Count; id = parents.GetValueOrDefault(id))
            {
                path.Add(id);
            }

            path.Reverse();
            paths[pool.Id] = path;
        }

        return paths;
    }
}
