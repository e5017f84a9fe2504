using CloudMgmt.Domain;
using CloudMgmt.Grains.Tenants;

namespace CloudMgmt.Grains.Pools;

public sealed partial class CatalogGrain
{
    public async Task<Outcome<TenantSpec>> CreateTenant(TenantSpec spec)
    {
        if (!Identifier.IsValid(spec.Id))
        {
            return Failure.Invalid("id", $"'{spec.Id}' is not a valid tenant id: {Identifier.Rule}");
        }

        if (_tenants.ContainsKey(spec.Id))
        {
            return Failure.Conflict($"tenant '{spec.Id}' already exists");
        }

        if (!_pools.ContainsKey(spec.Pool))
        {
            return Failure.Invalid("pool", $"pool '{spec.Pool}' does not exist; create it first");
        }

        var row = TenantSpecState.Save(spec);
        await WriteAsync(_rows.Tenants, spec.Id, row);
        _tenants[spec.Id] = row;
        return spec;
    }

    public async Task<Outcome<AdmissionPath>> ResolveTenantPath(string tenantId)
    {
        if (!_tenants.TryGetValue(tenantId, out var tenant))
        {
            return Failure.Invalid("tenant", $"tenant '{tenantId}' does not exist");
        }

        return await GetAdmissionPath(tenant.Pool) is { } path
            ? path
            : Failure.Conflict($"pool '{tenant.Pool}' of tenant '{tenantId}' does not exist");
    }

    public Task<TenantSpec?> GetTenant(string id) => Task.FromResult(_tenants.GetValueOrDefault(id)?.Load());

    public Task<IReadOnlyList<TenantSpec>> ListTenants() => Task.FromResult<IReadOnlyList<TenantSpec>>(
        _tenants.Values.OrderBy(t => t.Id, StringComparer.Ordinal).Select(t => t.Load()).ToList());
}
