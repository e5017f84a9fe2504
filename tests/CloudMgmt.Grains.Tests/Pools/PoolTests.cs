using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Grains.Tests.Infrastructure;
using static CloudMgmt.Grains.Tests.Infrastructure.TreeSetup;

namespace CloudMgmt.Grains.Tests.Pools;

[Collection(ClusterCollection.Name)]
public sealed class PoolTests(ClusterFixture fixture)
{
    private readonly TreeSetup _tree = new(fixture.Grains);

    [Fact]
    public async Task CreatePool_FourLevels_PushesSubtreeQuotaToEveryPool()
    {
        await _tree.PoolAsync("province", null, Cpu(100));
        await _tree.PoolAsync("city", "province", Cpu(50));
        await _tree.PoolAsync("county", "city", Cpu(20), lending: new Dictionary<string, long> { ["vcpu"] = 5 });
        await _tree.PoolAsync("dept", "county", Cpu(10));

        // dept 10; county 20 + 10 = 30, of which 25 guaranteed (lends 5); city 50 + 5; province 100 + 55.
        Assert.Equal(Cpu(10), (await _tree.Pool("dept").GetUsage()).Limits.SubtreeQuota);
        Assert.Equal(Cpu(25), (await _tree.Pool("county").GetUsage()).Limits.Guaranteed);
        Assert.Equal(Cpu(55), (await _tree.Pool("city").GetUsage()).Limits.SubtreeQuota);
        Assert.Equal(Cpu(155), (await _tree.Pool("province").GetUsage()).Limits.SubtreeQuota);
    }

    [Fact]
    public async Task UpdatePool_BelowReserved_RefusedAndLimitsUnchanged()
    {
        await _tree.PoolAsync("province", null, Cpu(0));
        await _tree.PoolAsync("dept", "province", Cpu(10));
        await _tree.TenantAsync("tenant", "dept");
        await _tree.Allocation("held").Submit(_tree.Request("tenant", Cpu(8)));

        var lower = await _tree.Catalog.UpdatePool(_tree.Id("dept"), new PoolUpdate(null, Cpu(5), null, null, null));
        var limitsAfterRefusal = (await _tree.Pool("province").GetUsage()).Limits.SubtreeQuota;
        var higher = await _tree.Catalog.UpdatePool(_tree.Id("dept"), new PoolUpdate(null, Cpu(20), null, null, null));

        Assert.Equal(FailureKind.Conflict, lower.Failure!.Kind);
        Assert.Equal(Cpu(10), limitsAfterRefusal);
        Assert.True(higher.Succeeded);
        Assert.Equal(Cpu(20), (await _tree.Pool("province").GetUsage()).Limits.SubtreeQuota);
    }

    [Fact]
    public async Task Sweep_ReservationNobodyHolds_IsDroppedAndHeldOneKept()
    {
        await _tree.PoolAsync("province", null, Cpu(0));
        await _tree.PoolAsync("dept", "province", Cpu(10));
        await _tree.TenantAsync("tenant", "dept");
        await _tree.Allocation("kept").Submit(_tree.Request("tenant", Cpu(3)));
        // A crash after this pool accepted and before the allocation recorded anything leaves this behind.
        var orphan = await _tree.Pool("province").SetAlong(_tree.Id("alloc-orphan"), Cpu(4), [_tree.Id("province")], 0, 0);
        Assert.True(orphan.Accepted);
        Assert.Equal(Cpu(7), await _tree.ReservedAsync("province"));

        ClusterFixture.Clock.Advance(ClusterFixture.ConfirmAfter + TimeSpan.FromMinutes(1));

        var reserved = await Eventually.WaitUntilAsync(() => _tree.ReservedAsync("province"), r => r.Equals(Cpu(3)));
        Assert.Equal(Cpu(3), reserved);
        Assert.Equal(Cpu(3), await _tree.ReservedAsync("dept"));
    }
}
