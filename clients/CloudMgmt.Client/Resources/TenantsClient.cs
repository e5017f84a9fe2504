using CloudMgmt.Client.Http;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Client.Resources;

/// <summary>Tenants (departments): <c>/api/v1/tenants</c>.</summary>
public sealed class TenantsClient
{
    private readonly ICloudMgmtApi _api;

    internal TenantsClient(ICloudMgmtApi api) => _api = api;

    /// <summary>Creates a tenant under a pool (operator).</summary>
    public Task<Tenant> CreateAsync(NewTenant tenant, CancellationToken ct = default) => ApiCall.Run(() => _api.CreateTenant(tenant, ct));

    /// <summary>Every tenant this key may see (a department key sees its own).</summary>
    public Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken ct = default) => ApiCall.Run(() => _api.ListTenants(ct));

    /// <summary>One tenant with its usage.</summary>
    public Task<Tenant> GetAsync(string id, CancellationToken ct = default) => ApiCall.Run(() => _api.GetTenant(id, ct));
}
