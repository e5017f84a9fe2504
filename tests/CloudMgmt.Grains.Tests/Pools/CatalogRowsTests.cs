using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Grains.Tenants;
using CloudMgmt.Grains.Tests.Infrastructure;
using Orleans.Runtime;
using static CloudMgmt.Grains.Tests.Infrastructure.TreeSetup;

namespace CloudMgmt.Grains.Tests.Pools;

/// <summary>The catalog stored as one row per pool and per tenant, and the move from the single state it was before.</summary>
public sealed class CatalogRowsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cloudmgmt-catalog-rows").FullName;

    private string DataFile => Path.Combine(_folder, "state.db");

    [Fact]
    public async Task CreateTenant_ManyTenantsExist_WritesOnlyItsOwnRow()
    {
        await using var silo = await OwnSilo.StartAsync(DataFile);
        var catalog = silo.Grains.GetGrain<ICatalogGrain>(CatalogGrain.Key);
        Assert.True((await catalog.CreatePool(new PoolSpec("province", null, null, Cpu(100), null, null, null))).Succeeded);
        for (var i = 0; i < 50; i++)
        {
            Assert.True((await catalog.CreateTenant(new TenantSpec($"dept-{i}", "province", null))).Succeeded);
        }

        silo.Ledgers.Writes.Clear();
        Assert.True((await catalog.CreateTenant(new TenantSpec("dept-last", "province", "Last"))).Succeeded);
        Assert.True((await catalog.UpdatePool("province", new PoolUpdate("Province", null, null, null, null))).Succeeded);

        var writes = silo.Ledgers.Writes.ToList();
        Assert.Equal([("catalog/tenants", new[] { "dept-last" }), ("catalog/pools", new[] { "province" })], writes.Select(w => (w.Ledger, w.Keys)));
        var state = new GrainState<CatalogState>();
        await silo.Storage.ReadStateAsync("catalog", catalog.GetGrainId(), state);
        Assert.False(state.RecordExists); // nothing is kept in the former single state any more
    }

    [Fact]
    public async Task Restart_PoolsAndTenantsStoredAsRows_AllThereAgain()
    {
        await using (var silo = await OwnSilo.StartAsync(DataFile))
        {
            var catalog = silo.Grains.GetGrain<ICatalogGrain>(CatalogGrain.Key);
            Assert.True((await catalog.CreatePool(new PoolSpec("province", null, null, Cpu(100), null, null, null))).Succeeded);
            Assert.True((await catalog.CreatePool(new PoolSpec("dept", "province", "Dept", Cpu(10), null, null, null))).Succeeded);
            Assert.True((await catalog.CreateTenant(new TenantSpec("t1", "dept", "One"))).Succeeded);
            Assert.True((await catalog.UpdatePool("dept", new PoolUpdate(null, Cpu(20), null, null, null))).Succeeded);
        }

        await using (var silo = await OwnSilo.StartAsync(DataFile))
        {
            var catalog = silo.Grains.GetGrain<ICatalogGrain>(CatalogGrain.Key);
            Assert.Equal(["dept", "province"], (await catalog.ListPools()).Select(p => p.Id));
            Assert.Equal(Cpu(20), (await catalog.GetPool("dept"))!.Quota);
            Assert.Equal(new TenantSpec("t1", "dept", "One"), await catalog.GetTenant("t1"));
            Assert.Equal(["dept", "province"], (await catalog.ResolveTenantPath("t1")).Value!.PoolIds);
        }
    }

    [Fact]
    public async Task Activation_CatalogInTheFormerSingleState_MovedToRowsAndKeepsWorking()
    {
        await using (var silo = await OwnSilo.StartAsync(DataFile))
        {
            // A data directory written before the change: the catalog is one grain state.
            var former = new CatalogState();
            former.Pools["province"] = PoolSpecState.Save(new PoolSpec("province", null, "Province", Cpu(100), null, null, null));
            former.Pools["dept"] = PoolSpecState.Save(new PoolSpec("dept", "province", null, Cpu(10), null, null, null));
            former.Tenants["t1"] = TenantSpecState.Save(new TenantSpec("t1", "dept", "One"));
            former.Tenants["t2"] = TenantSpecState.Save(new TenantSpec("t2", "province", null));
            var id = silo.Grains.GetGrain<ICatalogGrain>(CatalogGrain.Key).GetGrainId();
            await silo.Storage.WriteStateAsync("catalog", id, new GrainState<CatalogState>(former));
        }

        await using (var silo = await OwnSilo.StartAsync(DataFile))
        {
            var catalog = silo.Grains.GetGrain<ICatalogGrain>(CatalogGrain.Key);
            Assert.Equal(["dept", "province"], (await catalog.ListPools()).Select(p => p.Id));
            Assert.Equal("Province", (await catalog.GetPool("province"))!.DisplayName);
            Assert.Equal(["t1", "t2"], (await catalog.ListTenants()).Select(t => t.Id));
            Assert.Equal(["dept", "province"], (await catalog.ResolveTenantPath("t1")).Value!.PoolIds);
            Assert.True((await catalog.CreateTenant(new TenantSpec("t3", "dept", null))).Succeeded);
            Assert.Equal(FailureKind.Conflict, (await catalog.CreateTenant(new TenantSpec("t1", "dept", null))).Failure!.Kind);
            await catalog.Reconcile(); // as the controller does at start: every pool's limits pushed from the moved rows
            Assert.Equal(Cpu(110), (await silo.Grains.GetGrain<IQuotaPoolGrain>("province").GetUsage()).Limits.SubtreeQuota);
            var state = new GrainState<CatalogState>();
            await silo.Storage.ReadStateAsync("catalog", catalog.GetGrainId(), state);
            Assert.False(state.RecordExists); // moved, then cleared
            Assert.Equal(["t1", "t2", "t3"], (await silo.Ledgers.ReadAsync("catalog/tenants")).Select(r => r.Key).Order());
        }

        await using (var silo = await OwnSilo.StartAsync(DataFile))
        {
            var catalog = silo.Grains.GetGrain<ICatalogGrain>(CatalogGrain.Key);
            Assert.Equal(["t1", "t2", "t3"], (await catalog.ListTenants()).Select(t => t.Id));
            Assert.Equal(2, (await catalog.ListPools()).Count);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
