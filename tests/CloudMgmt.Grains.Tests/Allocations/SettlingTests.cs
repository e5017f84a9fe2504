using CloudMgmt.Domain.Allocations;
using CloudMgmt.Grains.Allocations;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Grains.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;
using static CloudMgmt.Grains.Tests.Infrastructure.TreeSetup;

namespace CloudMgmt.Grains.Tests.Allocations;

/// <summary>What a new allocation leaves behind once its request is answered: confirmed reservations, and no activation.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SettlingTests(ClusterFixture fixture)
{
    private readonly TreeSetup _tree = new(fixture.Grains);

    private async Task TreeAsync()
    {
        await _tree.PoolAsync("province", null, Cpu(0));
        await _tree.PoolAsync("dept", "province", Cpu(10));
        await _tree.TenantAsync("tenant", "dept");
    }

    [Fact]
    public async Task Submit_ConfirmsItsReservationOnEveryPoolOfThePath_DurablySoNoPoolAsksLater()
    {
        await TreeAsync();

        var admitted = await _tree.Allocation("a").Submit(_tree.Request("tenant", Cpu(3)));
        // What a crash between the pools' write and the allocation's record leaves: never confirmed.
        var orphan = await _tree.Pool("dept").SetAlong(_tree.Id("alloc-orphan"), Cpu(4), [_tree.Id("dept"), _tree.Id("province")], 0, 0);

        Assert.Equal(AllocationStatus.Admitted, admitted.Value!.Status);
        Assert.True(orphan.Accepted);
        foreach (var pool in new[] { "dept", "province" })
        {
            var usage = await Eventually.WaitUntilAsync(() => _tree.Pool(pool).GetUsage(), u => u.Unconfirmed == 1); // confirms are one-way
            Assert.Equal((2, 1), (usage.Reservations, usage.Unconfirmed));
            // Durable too: a pool reloaded after a restart does not ask the admitted allocation again.
            var rows = await Eventually.WaitUntilAsync(() => StoredRowsAsync(pool), r => r[_tree.Id("alloc-a")].UnconfirmedSince is null);
            Assert.Null(rows[_tree.Id("alloc-a")].UnconfirmedSince);
            Assert.NotNull(rows[_tree.Id("alloc-orphan")].UnconfirmedSince);
        }
    }

    [Fact]
    public async Task Submit_WithNothingForTheReconcilerToDo_LeavesMemory_AndIsWokenWithItsRecord()
    {
        await TreeAsync();
        var id = _tree.Id("alloc-settled");

        var admitted = await fixture.Grains.GetGrain<IAllocationGrain>(id).Submit(_tree.Request("tenant", Cpu(2)));
        var active = await Eventually.WaitUntilAsync(() => IsActiveAsync(id), a => !a);
        var read = await fixture.Grains.GetGrain<IAllocationGrain>(id).Get();

        Assert.Equal(AllocationStatus.Admitted, admitted.Value!.Status); // no cloud in this cluster: nothing to reconcile
        Assert.False(active);
        Assert.Equal((admitted.Value.Status, admitted.Value.Resources, admitted.Value.UpdatedAt), (read!.Status, read.Resources, read.UpdatedAt));
        Assert.Equal(admitted.Value.History.Select(e => e.Message), read.History.Select(e => e.Message));
        Assert.Equal(Cpu(2), await _tree.ReservedAsync("dept"));
    }

    [Fact]
    public async Task Submit_PlacedOnACloud_StaysInMemoryForTheReconciler_WhileOneAwaitingApprovalLeaves()
    {
        await _tree.PoolAsync("province", null, Cpu(0));
        await _tree.PoolAsync("dept", "province", Cpu(100), approval: new Dictionary<string, long> { ["vcpu"] = 10 });
        await _tree.TenantAsync("tenant", "dept");
        var cloud = await TestClouds.RegisterAsync(fixture.Grains, _tree.Id("cloud"), Cpu(50));
        var (placedId, waitingId) = (_tree.Id("alloc-placed"), _tree.Id("alloc-waiting"));
        try
        {
            var placed = await fixture.Grains.GetGrain<IAllocationGrain>(placedId).Submit(_tree.Request("tenant", Cpu(2)));
            var waiting = await fixture.Grains.GetGrain<IAllocationGrain>(waitingId).Submit(_tree.Request("tenant", Cpu(20)));
            // The waiting one leaving memory is the barrier: by then the placed one would have left too.
            var waitingActive = await Eventually.WaitUntilAsync(() => IsActiveAsync(waitingId), a => !a);

            Assert.True(placed.Value!.Status == AllocationStatus.Placed, placed.Value.History[^1].Message);
            Assert.Equal(AllocationStatus.PendingApproval, waiting.Value!.Status);
            Assert.False(waitingActive);
            Assert.True(await IsActiveAsync(placedId));
        }
        finally
        {
            await cloud.Unreserve(placedId); // the shared cluster must not place other tests' allocations here
            Assert.True((await cloud.Remove()).Succeeded);
        }
    }

    private async Task<bool> IsActiveAsync(string allocationId)
    {
        var grainId = fixture.Grains.GetGrain<IAllocationGrain>(allocationId).GetGrainId();
        var stats = await fixture.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return stats.Any(s => s.GrainId == grainId);
    }

    private async Task<Dictionary<string, EntryRow>> StoredRowsAsync(string pool)
    {
        var services = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services;
        var serializer = services.GetRequiredService<Serializer>();
        var rows = await services.GetRequiredService<Persistence.ILedgerStore>().ReadAsync("pool/" + _tree.Id(pool));
        return rows.ToDictionary(r => r.Key, r => serializer.Deserialize<EntryRow>(r.Value)!, StringComparer.Ordinal);
    }
}
