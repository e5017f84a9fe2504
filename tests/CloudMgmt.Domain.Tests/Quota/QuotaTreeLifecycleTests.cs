using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Domain.Tests.Support;

namespace CloudMgmt.Domain.Tests.Quota;

/// <summary>Resizing, releasing and refusing: what each does to the ledgers.</summary>
public sealed class QuotaTreeLifecycleTests
{
    // dept: subtree 10, lends 4 so guaranteed 6, spill cap 4. province: 10 + 4 = 14.
    private static QuotaTree DeptWithGuarantee() => new TreeBuilder()
        .Pool("province").Nominal(10)
        .Pool("dept", "province").Nominal(10).Lending(ResourceNames.Vcpu, 4)
        .Build();

    [Fact]
    public void Set_ResizeUp_FillsGuaranteedThenSpills()
    {
        var tree = DeptWithGuarantee();
        Assert.True(tree.Set("dept", "a", Vec.Cpu(4)).Accepted);

        var outcome = tree.Set("dept", "a", Vec.Cpu(9));

        Assert.True(outcome.Accepted);
        Assert.Empty(outcome.Shortfalls);
        Assert.Equal(2, outcome.Reach);
        Assert.Equal(new LedgerEntry(Vec.Cpu(6), Vec.Cpu(3)), tree.LedgerOf("dept").Entries["a"]);
        Assert.Equal(new LedgerEntry(Vec.Cpu(3), ResourceVector.Zero), tree.LedgerOf("province").Entries["a"]);
        Assert.Equal([("a", "dept", Vec.Cpu(9))], tree.Allocations);
    }

    [Fact]
    public void Set_ResizeDown_GivesBackSpillFirst()
    {
        var tree = DeptWithGuarantee();
        tree.Set("dept", "a", Vec.Cpu(9));

        var outcome = tree.Set("dept", "a", Vec.Cpu(5));

        Assert.True(outcome.Accepted);
        Assert.Equal(1, outcome.Reach);
        Assert.Equal(new LedgerEntry(Vec.Cpu(5), ResourceVector.Zero), tree.LedgerOf("dept").Entries["a"]);
        Assert.Empty(tree.LedgerOf("province").Entries);
        Assert.Equal([("a", "dept", Vec.Cpu(5))], tree.Allocations);
    }

    [Fact]
    public void Set_ResizeUpRefused_KeepsPreviousAmountAndLedgers()
    {
        var tree = DeptWithGuarantee();
        tree.Set("dept", "a", Vec.Cpu(5));
        var before = LedgerSnapshot.Of(tree);

        var outcome = tree.Set("dept", "a", Vec.Cpu(11));

        Assert.False(outcome.Accepted);
        Assert.Equal(new Shortfall("dept", ResourceNames.Vcpu, 6, 5), Assert.Single(outcome.Shortfalls));
        Assert.Equal(before, LedgerSnapshot.Of(tree));
        Assert.Equal([("a", "dept", Vec.Cpu(5))], tree.Allocations);
    }

    [Fact]
    public void Set_ResizeToZero_ReleasesEverywhere()
    {
        var tree = DeptWithGuarantee();
        tree.Set("dept", "a", Vec.Cpu(9));

        var outcome = tree.Set("dept", "a", ResourceVector.Zero);

        Assert.Equal(0, outcome.Reach);
        Assert.True(LedgerSnapshot.AllEmpty(tree));
        Assert.Empty(tree.Allocations);
    }

    [Fact]
    public void Release_ManyAllocationsAcrossTheTree_EveryLedgerEmpty()
    {
        var tree = new TreeBuilder()
            .Pool("province").Nominal(vcpu: 20, memoryGiB: 40)
            .Pool("city", "province").Nominal(vcpu: 8, memoryGiB: 16).Lending(ResourceNames.Vcpu, 2).Borrowing(vcpu: 4, memoryGiB: 4)
            .Pool("county", "city").Nominal(vcpu: 4, memoryGiB: 8).Lending(ResourceNames.MemoryGiB, 1).Borrowing(vcpu: 0, memoryGiB: 10)
            .Pool("dept", "county").Nominal(vcpu: 2, memoryGiB: 2).Borrowing(vcpu: 10, memoryGiB: 10)
            .Build();
        Assert.True(tree.Set("dept", "a", Vec.CpuMem(6, 9)).Accepted);
        Assert.True(tree.Set("county", "b", Vec.CpuMem(0, 2)).Accepted);
        Assert.True(tree.Set("city", "c", Vec.CpuMem(5, 5)).Accepted);
        Assert.True(tree.Set("province", "d", Vec.CpuMem(2, 2)).Accepted);
        Assert.True(tree.Set("dept", "a", Vec.CpuMem(3, 12)).Accepted); // vcpu down, memory up
        Assert.False(LedgerSnapshot.AllEmpty(tree));

        foreach (var id in new[] { "c", "a", "d", "b" })
        {
            tree.Release(id);
        }

        Assert.True(LedgerSnapshot.AllEmpty(tree), LedgerSnapshot.Of(tree));
        Assert.Empty(tree.Allocations);
    }

    [Fact]
    public void Release_UnknownAllocation_DoesNothing()
    {
        var tree = DeptWithGuarantee();
        tree.Set("dept", "a", Vec.Cpu(3));
        var before = LedgerSnapshot.Of(tree);

        tree.Release("nope");

        Assert.Equal(before, LedgerSnapshot.Of(tree));
    }

    [Fact]
    public void Set_RefusedAtTheRootThreeLevelsUp_EveryLedgerUnchanged()
    {
        var tree = new TreeBuilder()
            .Pool("province").Nominal(5)
            .Pool("city", "province").Nominal(0).Borrowing(100)
            .Pool("county", "city").Nominal(0).Borrowing(100)
            .Pool("dept", "county").Nominal(2).Lending(ResourceNames.Vcpu, 0).Borrowing(100)
            .Build();
        Assert.True(tree.Set("dept", "a", Vec.Cpu(4)).Accepted);
        var before = LedgerSnapshot.Of(tree);

        var outcome = tree.Set("dept", "b", Vec.Cpu(10));

        Assert.Equal(new Shortfall("province", ResourceNames.Vcpu, 10, 3), Assert.Single(outcome.Shortfalls));
        Assert.Equal(0, outcome.Reach);
        Assert.Equal(before, LedgerSnapshot.Of(tree));
        Assert.Equal([("a", "dept", Vec.Cpu(4))], tree.Allocations);
    }

    [Fact]
    public void Set_SeveralResourcesShort_ListsEachAtTheFirstPoolThatRefuses()
    {
        var tree = new TreeBuilder()
            .Pool("province").Nominal(vcpu: 100, memoryGiB: 100)
            .Pool("dept", "province").Nominal(vcpu: 4, memoryGiB: 8)
            .Build();

        var outcome = tree.Set("dept", "a", ResourceVector.Of(5, 9, 0, 1));

        Assert.Equal(
            [
                new Shortfall("dept", ResourceNames.Gpu, 1, 0),
                new Shortfall("dept", ResourceNames.MemoryGiB, 9, 8),
                new Shortfall("dept", ResourceNames.Vcpu, 5, 4),
            ],
            outcome.Shortfalls);
        Assert.Equal([1L, 1L, 1L], outcome.Shortfalls.Select(s => s.Short));
    }

    [Fact]
    public void Set_AllocationOfAnotherPool_Throws()
    {
        var tree = DeptWithGuarantee();
        tree.Set("dept", "a", Vec.Cpu(1));

        Assert.Throws<ArgumentException>(() => tree.Set("province", "a", Vec.Cpu(1)));
    }

    [Fact]
    public void Set_ZeroForNewAllocation_AcceptedAndNotKept()
    {
        var tree = DeptWithGuarantee();

        var outcome = tree.Set("dept", "a", ResourceVector.Zero);

        Assert.True(outcome.Accepted);
        Assert.Equal(0, outcome.Reach);
        Assert.Empty(tree.Allocations);
        Assert.True(LedgerSnapshot.AllEmpty(tree));
    }
}
