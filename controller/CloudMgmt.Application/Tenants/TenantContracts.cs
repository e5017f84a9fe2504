using System.ComponentModel.DataAnnotations;
using CloudMgmt.Application.Pools;
using CloudMgmt.Grains.Tenants;

namespace CloudMgmt.Application.Tenants;

public sealed record CreateTenantRequest(string? Id, string? Pool, [property: MaxLength(TextRules.DisplayNameMax)] string? DisplayName);

public sealed record TenantResponse(
    string Id, string Pool, string? DisplayName, IReadOnlyDictionary<string, long> Admitted,
    IReadOnlyDictionary<string, long> PendingApproval, int Allocations)
{
    public static TenantResponse From(TenantSpec spec, TenantUsage usage) =>
        new(spec.Id, spec.Pool, spec.DisplayName, PoolResponse.Map(usage.Admitted), PoolResponse.Map(usage.PendingApproval), usage.Allocations);
}
