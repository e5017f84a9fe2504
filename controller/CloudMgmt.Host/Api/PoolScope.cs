using System.Security.Claims;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Grains.Tenants;
using CloudMgmt.Host.Auth;

namespace CloudMgmt.Host.Api;

/// <summary>
/// What of the pool tree a caller may see. Operators and viewers see everything. A department key
/// sees its pool path (its tenant's pool and that pool's ancestors) and nothing of the pools beside
/// it: another pool is reported exactly like a missing one. On its path it sees quotas and limits,
/// but a pool's usage figures (reserved, borrowed, reservations) only where no other tenant's
/// allocations are counted in them, that is where the pool's subtree serves its tenant alone.
/// </summary>
internal sealed class PoolScope
{
    private static readonly PoolScope Everything = new(null, null);

    private readonly HashSet<string>? _visible;
    private readonly HashSet<string>? _usageVisible;

    private PoolScope(HashSet<string>? visible, HashSet<string>? usageVisible)
    {
        _visible = visible;
        _usageVisible = usageVisible;
    }

    public bool MaySee(string poolId) => _visible is null || _visible.Contains(poolId);

    public bool MaySeeUsage(string poolId) => _usageVisible is null || _usageVisible.Contains(poolId);

    public static async Task<PoolScope> OfAsync(ClaimsPrincipal user, ICatalogGrain catalog) =>
        user.BoundTenant() is { } tenant ? For(tenant, await catalog.ListPools(), await catalog.ListTenants()) : Everything;

    public static PoolScope For(string tenant, IReadOnlyList<PoolSpec> pools, IReadOnlyList<TenantSpec> tenants)
    {
        var parents = pools.ToDictionary(p => p.Id, p => p.Parent, StringComparer.Ordinal);
        var path = new HashSet<string>(StringComparer.Ordinal);
        var at = tenants.FirstOrDefault(t => t.Id == tenant)?.Pool;
        while (at is not null && parents.TryGetValue(at, out var parent) && path.Add(at))
        {
            at = parent;
        }

        // The tenants counted in a pool's figures are those of every pool below it, itself included.
        var children = pools.Where(p => p.Parent is not null).ToLookup(p => p.Parent!, p => p.Id, StringComparer.Ordinal);
        var tenantsOf = tenants.ToLookup(t => t.Pool, t => t.Id, StringComparer.Ordinal);
        bool ServesOnly(string poolId) =>
            tenantsOf[poolId].All(t => t == tenant) && children[poolId].All(ServesOnly);

        return new PoolScope(path, path.Where(ServesOnly).ToHashSet(StringComparer.Ordinal));
    }
}
