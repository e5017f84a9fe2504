using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Domain.Tests.Support;

namespace CloudMgmt.Domain.Tests.Quota;

/// <summary>A refused request, new or resize, must leave every ledger exactly as it was.</summary>
public sealed class QuotaTreeRollbackTests
{
    // dept: lends none, so guaranteed 10; borrows up to 20 (spill cap 20). province: 5, all its own.
    private static QuotaTree Tree() => new TreeBuilder()
        .Pool("province").Nominal(5)
        .Pool("dept", "province").Nominal(10).Lending(ResourceNames.Vcpu, 0).Borrowing(20)
        .Build();

    [Fact]
    public void Set_ResizeRefusedAtParentWhileSpillIsHeld_EveryLedgerUnchanged()
    {
        var tree = Tree();
        Assert.True(tree.Set("dept", "a1", Vec.Cpu(10)).Accepted); // dept local 10
        Assert.True(tree.Set("dept", "a2", Vec.Cpu(5)).Accepted);  // dept local full: spills 5, province local 5
        tree.Release("a1");                                         // dept local free again, a2 still spilled
        var before = LedgerSnapshot.Of(tree);

        // dept takes 10 more locally and spills 5 more; the province (5 of 5 used) refuses.
        var outcome = tree.Set("dept", "a2", Vec.Cpu(20));

        Assert.Equal(new Shortfall("province", ResourceNames.Vcpu, 5, 0), Assert.Single(outcome.Shortfalls));
        Assert.Equal(before, LedgerSnapshot.Of(tree));
    }

    [Fact]
    public void Set_MixedResizeRefusedAtParent_EveryLedgerUnchanged()
    {
        var tree = new TreeBuilder()
            .Pool("province").Nominal(vcpu: 5, memoryGiB: 5)
            .Pool("dept", "province").Nominal(vcpu: 10, memoryGiB: 10)
                .Lending(ResourceNames.Vcpu, 0).Lending(ResourceNames.MemoryGiB, 0).Borrowing(vcpu: 20, memoryGiB: 20)
            .Build();
        Assert.True(tree.Set("dept", "a1", Vec.CpuMem(10, 10)).Accepted);
        Assert.True(tree.Set("dept", "a2", Vec.CpuMem(5, 5)).Accepted); // spills vcpu 5 and memory 5
        tree.Release("a1");
        var before = LedgerSnapshot.Of(tree);

        // Memory shrinks (from the spill first), vcpu grows past the province: refused.
        var outcome = tree.Set("dept", "a2", Vec.CpuMem(20, 1));

        Assert.False(outcome.Accepted);
        Assert.Equal(before, LedgerSnapshot.Of(tree));
    }
}
