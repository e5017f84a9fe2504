using CloudMgmt.Domain.Allocations;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Tests.Infrastructure;
using static CloudMgmt.Grains.Tests.Infrastructure.TreeSetup;

namespace CloudMgmt.Grains.Tests.Allocations;

[Collection(ClusterCollection.Name)]
public sealed class LifecycleTests(ClusterFixture fixture)
{
    private readonly TreeSetup _tree = new(fixture.Grains);

    private async Task TreeAsync(ResourceVector departmentQuota, IReadOnlyDictionary<string, long>? approval = null)
    {
        await _tree.PoolAsync("province", null, ResourceVector.Zero);
        await _tree.PoolAsync("dept", "province", departmentQuota, approval: approval);
        await _tree.TenantAsync("tenant", "dept");
    }

    [Fact]
    public async Task Approval_AboveThreshold_WaitsHoldingQuotaThenApproveAndReject()
    {
        await TreeAsync(Cpu(100), approval: new Dictionary<string, long> { ["vcpu"] = 10 });

        var big = await _tree.Allocation("big").Submit(_tree.Request("tenant", Cpu(20)));
        var other = await _tree.Allocation("other").Submit(_tree.Request("tenant", Cpu(30)));
        Assert.Equal(AllocationStatus.PendingApproval, big.Value!.Status);
        Assert.Equal(Cpu(50), await _tree.ReservedAsync("province"));

        var approved = await _tree.Allocation("big").Approve("op", "ok");
        var rejected = await _tree.Allocation("other").Reject("op", "no plan");
        var approvedTwice = await _tree.Allocation("big").Approve("op", null);

        Assert.Equal(AllocationStatus.Admitted, approved.Value!.Status);
        Assert.Equal(AllocationStatus.Rejected, rejected.Value!.Status);
        Assert.Equal(FailureKind.Conflict, approvedTwice.Failure!.Kind);
        Assert.Equal(Cpu(20), await _tree.ReservedAsync("province"));
    }

    [Fact]
    public async Task Resize_UpRefusedDownAndMixed_KeepQuotaExact()
    {
        await TreeAsync(ResourceVector.Of(10, 40));
        var a = _tree.Allocation("r");
        await a.Submit(_tree.Request("tenant", ResourceVector.Of(4, 16)));

        var up = await a.Resize(ResourceVector.Of(8, 16), "dept");
        var tooBig = await a.Resize(ResourceVector.Of(11, 16), "dept");
        var reservedAfterRefusal = await _tree.ReservedAsync("province");
        var mixed = await a.Resize(ResourceVector.Of(10, 8), "dept");
        var down = await a.Resize(ResourceVector.Of(2, 4), "dept");

        Assert.True(up.Succeeded);
        Assert.Equal(FailureKind.QuotaExceeded, tooBig.Failure!.Kind);
        Assert.Equal(ResourceVector.Of(8, 16), reservedAfterRefusal);
        Assert.Equal(ResourceVector.Of(10, 8), mixed.Value!.Resources);
        Assert.Equal(ResourceVector.Of(2, 4), down.Value!.Resources);
        Assert.Equal(ResourceVector.Of(2, 4), await _tree.ReservedAsync("province"));
    }

    [Fact]
    public async Task Release_Twice_ReturnsEverythingAndSecondIsNoOp()
    {
        await TreeAsync(Cpu(10));
        var a = _tree.Allocation("rel");
        await a.Submit(_tree.Request("tenant", Cpu(6)));

        var first = await a.Release("dept");
        var second = await a.Release("dept");

        Assert.Equal(AllocationStatus.Released, first.Value!.Status);
        Assert.Equal(AllocationStatus.Released, second.Value!.Status);
        Assert.Equal(ResourceVector.Zero, await _tree.ReservedAsync("dept"));
        Assert.Equal(ResourceVector.Zero, await _tree.ReservedAsync("province"));
        Assert.Equal(FailureKind.Conflict, (await a.Resize(Cpu(1), "dept")).Failure!.Kind);
    }
}
