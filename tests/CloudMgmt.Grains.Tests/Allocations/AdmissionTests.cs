using CloudMgmt.Domain.Allocations;
using CloudMgmt.Grains.Tests.Infrastructure;
using static CloudMgmt.Grains.Tests.Infrastructure.TreeSetup;

namespace CloudMgmt.Grains.Tests.Allocations;

[Collection(ClusterCollection.Name)]
public sealed class AdmissionTests(ClusterFixture fixture)
{
    private readonly TreeSetup _tree = new(fixture.Grains);

    private async Task ThreeLevelsAsync(long departmentQuota)
    {
        await _tree.PoolAsync("province", null, Cpu(0));
        await _tree.PoolAsync("city", "province", Cpu(0));
        await _tree.PoolAsync("dept", "city", Cpu(departmentQuota));
        await _tree.TenantAsync("tenant", "dept");
    }

    [Fact]
    public async Task Submit_WithinQuota_AdmittedAndReservedAtEveryLevel()
    {
        await ThreeLevelsAsync(10);

        var outcome = await _tree.Allocation("a").Submit(_tree.Request("tenant", Cpu(4)));

        Assert.True(outcome.Succeeded, outcome.Failure?.Detail);
        Assert.Equal(AllocationStatus.Admitted, outcome.Value!.Status);
        foreach (var pool in new[] { "dept", "city", "province" })
        {
            Assert.Equal(Cpu(4), await _tree.ReservedAsync(pool));
        }
    }

    [Fact]
    public async Task Submit_BeyondQuota_RefusedWithShortfallAndRecordsNothing()
    {
        await ThreeLevelsAsync(10);
        await _tree.Allocation("first").Submit(_tree.Request("tenant", Cpu(7)));

        var outcome = await _tree.Allocation("second").Submit(_tree.Request("tenant", Cpu(5)));

        Assert.Equal(FailureKind.QuotaExceeded, outcome.Failure!.Kind);
        var shortfall = Assert.Single(outcome.Failure.Shortfalls!);
        Assert.Equal((_tree.Id("dept"), "vcpu", 2L), (shortfall.PoolId, shortfall.Resource, shortfall.Short));
        Assert.Null(await _tree.Allocation("second").Get());
        Assert.Equal(Cpu(7), await _tree.ReservedAsync("province"));
    }

    [Fact]
    public async Task Submit_SameRequestAgain_ReturnsSameAllocationAndDifferentRequestConflicts()
    {
        await ThreeLevelsAsync(10);
        var first = await _tree.Allocation("idem").Submit(_tree.Request("tenant", Cpu(3), hash: "one"));

        var again = await _tree.Allocation("idem").Submit(_tree.Request("tenant", Cpu(3), hash: "one"));
        var other = await _tree.Allocation("idem").Submit(_tree.Request("tenant", Cpu(4), hash: "two"));

        Assert.Equal(first.Value!.CreatedAt, again.Value!.CreatedAt);
        Assert.Equal(FailureKind.Conflict, other.Failure!.Kind);
        Assert.Equal(Cpu(3), await _tree.ReservedAsync("dept"));
    }

    [Fact]
    public async Task Submit_1000ConcurrentOnBorrowingPath_AdmitsExactlyTheBindingLimit()
    {
        // city (137) binds; the department (100) may borrow 50 more from the city's unused share.
        await _tree.PoolAsync("province", null, Cpu(0));
        await _tree.PoolAsync("city", "province", Cpu(37));
        await _tree.PoolAsync("dept", "city", Cpu(100), borrowing: Cpu(50));
        await _tree.TenantAsync("tenant", "dept");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 1000)
            .Select(i => _tree.Allocation($"race-{i}").Submit(_tree.Request("tenant", Cpu(1)))));

        Assert.Equal(137, outcomes.Count(o => o.Succeeded));
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Equal(FailureKind.QuotaExceeded, o.Failure!.Kind));
        Assert.Equal(Cpu(137), await _tree.ReservedAsync("dept"));
        Assert.Equal(Cpu(137), await _tree.ReservedAsync("province"));
        Assert.Equal(Cpu(37), (await _tree.Pool("dept").GetUsage()).Borrowed);
    }
}
