using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Allocations;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Grains.Tenants;

namespace CloudMgmt.Grains.Tests.Infrastructure;

/// <summary>Builds pools and tenants with ids unique to one test, so tests share a cluster without interfering.</summary>
public sealed class TreeSetup(IGrainFactory grains)
{
    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N")[..8];

    public ICatalogGrain Catalog => grains.GetGrain<ICatalogGrain>(CatalogGrain.Key);

    public string Id(string name) => $"{_prefix}-{name}";

    public async Task PoolAsync(string name, string? parent, ResourceVector quota, ResourceVector? borrowing = null,
        IReadOnlyDictionary<string, long>? lending = null, IReadOnlyDictionary<string, long>? approval = null)
    {
        var outcome = await Catalog.CreatePool(new PoolSpec(Id(name), parent is null ? null : Id(parent), null, quota, borrowing, lending, approval));
        Assert.True(outcome.Succeeded, outcome.Failure?.Detail);
    }

    public async Task TenantAsync(string name, string pool)
    {
        var outcome = await Catalog.CreateTenant(new TenantSpec(Id(name), Id(pool), null));
        Assert.True(outcome.Succeeded, outcome.Failure?.Detail);
    }

    public IQuotaPoolGrain Pool(string name) => grains.GetGrain<IQuotaPoolGrain>(Id(name));

    public async Task<ResourceVector> ReservedAsync(string pool) => (await Pool(pool).GetUsage()).Reserved;

    public IAllocationGrain Allocation(string name) => grains.GetGrain<IAllocationGrain>(Id("alloc-" + name));

    public AllocationRequest Request(string tenant, ResourceVector resources, string hash = "h") =>
        new(Id(tenant), resources, null, 0, hash);

    public static ResourceVector Cpu(long vcpu) => ResourceVector.Of((ResourceNames.Vcpu, vcpu));
}
