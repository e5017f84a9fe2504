using CloudMgmt.Client.Models;
using CloudMgmt.Client.Tests.Infrastructure;

namespace CloudMgmt.Client.Tests;

[Collection(ControllerCollection.Name)]
public sealed class AllocationsTests(ControllerFixture fixture)
{
    private readonly CloudMgmtClient _cm = fixture.Operator;

    [Fact]
    public async Task Request_SameIdempotencyKeyTwice_ReturnsTheSameAllocationOnce()
    {
        var (tenant, pool) = await TenantAsync(vcpu: 8);
        var body = new NewAllocation { Tenant = tenant, Resources = Vcpu(2), Constraints = new Dictionary<string, string> { ["xinchuang"] = "true" } };

        var first = await _cm.Allocations.RequestAsync(body, "order-2026-001");
        var again = await _cm.Allocations.RequestAsync(body, "order-2026-001");

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(2, (await _cm.Pools.GetAsync(pool)).Reserved["vcpu"]);
        Assert.Equal(1, (await _cm.Tenants.GetAsync(tenant)).Allocations);
    }

    [Fact]
    public async Task Request_ThenReconcile_BecomesReadyOnTheCloudItWasPlacedOn()
    {
        var (tenant, _) = await TenantAsync(vcpu: 8);
        var placed = await _cm.Allocations.RequestAsync(new NewAllocation { Tenant = tenant, Resources = Vcpu(4) });
        Assert.True(placed.Status == AllocationStatuses.Placed, string.Join("; ", placed.History.Select(h => h.Message)) + placed.Decision.Placement);

        await _cm.Clouds.ReconcileAllAsync();

        var ready = await _cm.Allocations.GetAsync(placed.Id);
        Assert.Equal(AllocationStatuses.Ready, ready.Status);
        Assert.Equal(AllocationStatuses.Ready, ready.History[^1].Status);
        Assert.Contains(ready.Decision.Placement!.Shares, s => s.CloudId is "province-x86" or "xinchuang-arm");
    }

    [Fact]
    public async Task DryRun_AboveThreshold_SaysPendingApprovalAndChangesNothing()
    {
        var (tenant, _) = await TenantAsync(vcpu: 8, threshold: 2);

        var result = await _cm.Allocations.DryRunAsync(new NewAllocation { Tenant = tenant, Resources = Vcpu(3) });

        Assert.True(result.DryRun);
        Assert.Equal(AllocationStatuses.PendingApproval, result.WouldBe);
        Assert.Equal("vcpu", Assert.Single(result.Decision.ApprovalReasons).Resource);
        Assert.Equal(0, (await _cm.Tenants.GetAsync(tenant)).Allocations);
    }

    [Fact]
    public async Task ApproveAndReject_WaitingRequests_MoveOnOrGiveTheirQuotaBack()
    {
        var (tenant, pool) = await TenantAsync(vcpu: 8, threshold: 2);
        var a = await _cm.Allocations.RequestAsync(new NewAllocation { Tenant = tenant, Resources = Vcpu(3) });
        var b = await _cm.Allocations.RequestAsync(new NewAllocation { Tenant = tenant, Resources = Vcpu(3) });
        Assert.Equal(AllocationStatuses.PendingApproval, a.Status);

        var waiting = await _cm.Allocations.ListAsync(new AllocationFilter { Tenant = tenant, Status = AllocationStatuses.PendingApproval }).ToListAsync();
        Assert.Equal(new[] { a.Id, b.Id }.Order(StringComparer.Ordinal), waiting.Select(w => w.Id).Order(StringComparer.Ordinal));

        var approved = await _cm.Allocations.ApproveAsync(a.Id, "plan 2026-17");
        var rejected = await _cm.Allocations.RejectAsync(b.Id, "not in the plan");

        Assert.True(approved.Status == AllocationStatuses.Placed, string.Join("; ", approved.History.Select(h => h.Message)));
        Assert.Equal(AllocationStatuses.Rejected, rejected.Status);
        Assert.Equal(3, (await _cm.Pools.GetAsync(pool)).Reserved["vcpu"]);
    }

    [Fact]
    public async Task ResizeThenRelease_ChangesThenReturnsTheQuota()
    {
        var (tenant, pool) = await TenantAsync(vcpu: 8);
        var a = await _cm.Allocations.RequestAsync(new NewAllocation { Tenant = tenant, Resources = Vcpu(2) });

        var resized = await _cm.Allocations.ResizeAsync(a.Id, Vcpu(5));
        Assert.Equal(5, resized.Resources["vcpu"]);
        Assert.Equal(5, (await _cm.Pools.GetAsync(pool)).Reserved["vcpu"]);

        await _cm.Allocations.ReleaseAsync(a.Id);
        await _cm.Clouds.ReconcileAllAsync(); // removes the grant, after which the quota returns

        Assert.Equal(AllocationStatuses.Released, (await _cm.Allocations.GetAsync(a.Id)).Status);
        Assert.Equal(0, (await _cm.Pools.GetAsync(pool)).Reserved.GetValueOrDefault("vcpu"));
    }

    [Fact]
    public async Task ListAsync_MorePagesThanOne_YieldsEveryAllocationOnce()
    {
        var (tenant, _) = await TenantAsync(vcpu: 8);
        var made = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            made.Add((await _cm.Allocations.RequestAsync(new NewAllocation { Tenant = tenant, Resources = Vcpu(1) })).Id);
        }

        var first = await _cm.Allocations.ListPageAsync(new AllocationFilter { Tenant = tenant, PageSize = 2 });
        var all = await _cm.Allocations.ListAsync(new AllocationFilter { Tenant = tenant, PageSize = 2 }).ToListAsync();

        Assert.Equal(2, first.Items.Count);
        Assert.NotNull(first.Next);
        Assert.Equal(made.Order(StringComparer.Ordinal), all.Select(a => a.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Protect_AnAllocation_ShowsItProtectedAndLiftsIt()
    {
        var (tenant, _) = await TenantAsync(vcpu: 8);
        var a = await _cm.Allocations.RequestAsync(new NewAllocation { Tenant = tenant, Resources = Vcpu(1) });

        Assert.True((await _cm.Allocations.ProtectAsync(a.Id, protect: true)).Elastic!.Protected);
        Assert.False((await _cm.Allocations.ProtectAsync(a.Id, protect: false)).Elastic!.Protected);
        Assert.Empty((await _cm.Allocations.ElasticEventsAsync(tenant: tenant, since: DateTimeOffset.UtcNow.AddHours(-1))).Items);
    }

    [Fact]
    public async Task DepartmentKey_ListsItsOwnTenantsAllocationsOnly()
    {
        var (mine, _) = await TenantAsync(vcpu: 8);
        var (other, _) = await TenantAsync(vcpu: 8);
        var own = await _cm.Allocations.RequestAsync(new NewAllocation { Tenant = mine, Resources = Vcpu(1) });
        await _cm.Allocations.RequestAsync(new NewAllocation { Tenant = other, Resources = Vcpu(1) });
        var key = await _cm.Keys.CreateAsync(new NewApiKey { Role = ApiKeyRoles.Department, Tenant = mine, Name = "hr-system" });
        using var department = fixture.Client(key.Token);

        var seen = await department.Allocations.ListAsync().ToListAsync();
        var made = await department.Allocations.RequestAsync(new NewAllocation { Resources = Vcpu(1) }); // its own tenant by default

        Assert.Equal([own.Id], seen.Select(a => a.Id));
        Assert.Equal(mine, made.Tenant);
    }

    private static Dictionary<string, long> Vcpu(long n) => new() { ["vcpu"] = n };

    private async Task<(string Tenant, string Pool)> TenantAsync(long vcpu, long? threshold = null)
    {
        var pool = Ids.New("pool");
        var tenant = Ids.New("t");
        await _cm.Pools.CreateAsync(new NewPool
        {
            Id = pool, Quota = Vcpu(vcpu), ApprovalThreshold = threshold is { } t ? Vcpu(t) : null,
        });
        await _cm.Tenants.CreateAsync(new NewTenant { Id = tenant, Pool = pool });
        return (tenant, pool);
    }
}
