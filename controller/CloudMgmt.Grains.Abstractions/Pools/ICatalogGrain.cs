using CloudMgmt.Grains.Tenants;
using Orleans.Concurrency;

namespace CloudMgmt.Grains.Pools;

/// <summary>
/// The configuration of the quota tree and the tenant directory (one grain, key "catalog"):
/// small, changed rarely, read on every admission. It derives each pool's limits and hands them
/// to the pool grains; it never holds reservations.
/// </summary>
public interface ICatalogGrain : IGrainWithStringKey
{
    Task<Outcome<PoolSpec>> CreatePool(PoolSpec spec);

    Task<Outcome<PoolSpec>> UpdatePool(string id, PoolUpdate update);

    [ReadOnly]
    Task<PoolSpec?> GetPool(string id);

    [ReadOnly]
    Task<IReadOnlyList<PoolSpec>> ListPools();

    [ReadOnly]
    Task<AdmissionPath?> GetAdmissionPath(string poolId);

    /// <summary>Pushes every pool's limits again and wakes the pools, after a start or a crash.</summary>
    Task Reconcile();

    Task<Outcome<TenantSpec>> CreateTenant(TenantSpec spec);

    [ReadOnly]
    Task<TenantSpec?> GetTenant(string id);

    /// <summary>A tenant with the admission path of its pool, in one call (every request needs both).</summary>
    [ReadOnly]
    Task<Outcome<AdmissionPath>> ResolveTenantPath(string tenantId);

    [ReadOnly]
    Task<IReadOnlyList<TenantSpec>> ListTenants();
}
