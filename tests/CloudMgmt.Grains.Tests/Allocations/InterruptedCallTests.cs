using CloudMgmt.Domain.Allocations;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains.Faults;
using CloudMgmt.Grains.Tests.Infrastructure;
using static CloudMgmt.Grains.Tests.Infrastructure.TreeSetup;

namespace CloudMgmt.Grains.Tests.Allocations;

/// <summary>
/// A call that fails midway while the silo lives on. The clustered fault suite found an allocation
/// left Admitted for good: its request failed between the record and the placement (a cloud grain
/// lost with another silo), its activation lived on, and only a new activation places.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class InterruptedCallTests(ClusterFixture fixture) : IAsyncLifetime
{
    private readonly TreeSetup _tree = new(fixture.Grains);
    private ICloudGrain _cloud = null!;

    public async Task InitializeAsync()
    {
        await _tree.PoolAsync("province", null, Cpu(0));
        await _tree.PoolAsync("dept", "province", Cpu(10));
        await _tree.TenantAsync("tenant", "dept");
        _cloud = await TestClouds.RegisterAsync(fixture.Grains, _tree.Id("cloud"), Cpu(100));
    }

    /// <summary>The cluster is shared: a registered cloud would take part in other tests' placements.</summary>
    public async Task DisposeAsync()
    {
        foreach (var grant in await _cloud.GetDesired())
        {
            await _cloud.Unreserve(grant.AllocationId);
        }

        Assert.True((await _cloud.Remove()).Succeeded);
    }

    [Fact]
    public async Task Submit_FailingBetweenRecordAndPlacement_NextCallFindsItPlaced()
    {
        var allocation = _tree.Allocation("cut");
        ClusterFixture.CrashPoints.ArmOnce(new CrashPoint("create", "Place", allocation.GetPrimaryKeyString()));

        await Assert.ThrowsAnyAsync<Exception>(() => allocation.Submit(_tree.Request("tenant", Cpu(4))));
        var after = await allocation.Get();

        Assert.Equal(AllocationStatus.Placed, after!.Status);
        Assert.Contains(await _cloud.GetDesired(), g => g.AllocationId == allocation.GetPrimaryKeyString());
        Assert.Equal(Cpu(4), await _tree.ReservedAsync("dept"));
    }
}
