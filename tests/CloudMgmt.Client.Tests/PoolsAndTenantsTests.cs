using CloudMgmt.Client.Models;
using CloudMgmt.Client.Tests.Infrastructure;

namespace CloudMgmt.Client.Tests;

[Collection(ControllerCollection.Name)]
public sealed class PoolsAndTenantsTests(ControllerFixture fixture)
{
    private readonly CloudMgmtClient _cm = fixture.Operator;

    [Fact]
    public async Task PoolsCreateGetUpdate_RoundTrip_ReadsBackWhatWasWritten()
    {
        var root = Ids.New("prov");
        var child = Ids.New("city");
        await _cm.Pools.CreateAsync(new NewPool { Id = root, DisplayName = "安徽省", Quota = new Dictionary<string, long> { ["vcpu"] = 100 } });
        var created = await _cm.Pools.CreateAsync(new NewPool
        {
            Id = child, Parent = root, Quota = new Dictionary<string, long> { ["vcpu"] = 40 },
            ApprovalThreshold = new Dictionary<string, long> { ["vcpu"] = 10 },
        });

        Assert.Equal(root, created.Parent);
        Assert.Equal(40, created.Quota["vcpu"]);
        Assert.Equal("安徽省", (await _cm.Pools.GetAsync(root)).DisplayName);

        var updated = await _cm.Pools.UpdateAsync(child, new PoolChanges { Quota = new Dictionary<string, long> { ["vcpu"] = 50 } });
        Assert.Equal(50, updated.Quota["vcpu"]);
        Assert.Equal(10, updated.ApprovalThreshold!["vcpu"]); // left out of the change, so unchanged
    }

    [Fact]
    public async Task PoolsTree_ChildUnderParent_IsNestedInTheTree()
    {
        var root = Ids.New("prov");
        var child = Ids.New("city");
        await _cm.Pools.CreateAsync(new NewPool { Id = root, Quota = new Dictionary<string, long> { ["vcpu"] = 8 } });
        await _cm.Pools.CreateAsync(new NewPool { Id = child, Parent = root, Quota = new Dictionary<string, long> { ["vcpu"] = 4 } });

        var node = Assert.Single(await _cm.Pools.TreeAsync(), n => n.Pool.Id == root);
        Assert.Equal(child, Assert.Single(node.Children).Pool.Id);
        Assert.Contains(await _cm.Pools.ListAsync(), p => p.Id == child);
    }

    [Fact]
    public async Task Tenants_CreateListGet_ShowTheTenantUnderItsPool()
    {
        var pool = Ids.New("dept");
        var tenant = Ids.New("t");
        await _cm.Pools.CreateAsync(new NewPool { Id = pool, Quota = new Dictionary<string, long> { ["vcpu"] = 8 } });
        var created = await _cm.Tenants.CreateAsync(new NewTenant { Id = tenant, Pool = pool, DisplayName = "卫健委" });

        Assert.Equal(pool, created.Pool);
        Assert.Equal("卫健委", (await _cm.Tenants.GetAsync(tenant)).DisplayName);
        Assert.Contains(await _cm.Tenants.ListAsync(), t => t.Id == tenant);
    }
}
