using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Domain.Tests.Support;

namespace CloudMgmt.Domain.Tests.Quota;

/// <summary>Who may take what from whom: nominal, borrowing and lending limits, one level and nested.</summary>
public sealed class QuotaTreeBorrowingTests
{
    [Fact]
    public void Set_WithoutBorrowingLimit_CannotExceedNominal()
    {
        var tree = new TreeBuilder()
            .Pool("province").Nominal(100)
            .Pool("dept", "province").Nominal(10)
            .Build();

        Assert.Equal(new Shortfall("dept", ResourceNames.Vcpu, 11, 10), Assert.Single(tree.Set("dept", "big", Vec.Cpu(11)).Shortfalls));
        Assert.True(tree.Set("dept", "a", Vec.Cpu(10)).Accepted);
        Assert.Equal(new Shortfall("dept", ResourceNames.Vcpu, 1, 0), Assert.Single(tree.Set("dept", "b", Vec.Cpu(1)).Shortfalls));
    }

    [Fact]
    public void Set_WithBorrowingLimit_BorrowsUpToItAndNoMore()
    {
        var tree = new TreeBuilder()
            .Pool("province").Nominal(100)
            .Pool("dept", "province").Nominal(10).Borrowing(5)
            .Build();

        Assert.True(tree.Set("dept", "a", Vec.Cpu(12)).Accepted);
        Assert.True(tree.Set("dept", "b", Vec.Cpu(3)).Accepted);
        var refused = tree.Set("dept", "c", Vec.Cpu(1));

        Assert.False(refused.Accepted);
        Assert.Equal(new Shortfall("dept", ResourceNames.Vcpu, 1, 0), Assert.Single(refused.Shortfalls));
        Assert.Equal(Vec.Cpu(15), tree.LedgerOf("province").Reserved);
    }

    [Fact]
    public void Set_BorrowingLimitAboveParentsUnusedShare_StopsAtTheParent()
    {
        // province: 0 + 10 + 4 = 14 in all. dept-a may hold 10 + 10, but the province has only 14.
        var tree = new TreeBuilder()
            .Pool("province").Nominal(0)
            .Pool("dept-a", "province").Nominal(10).Borrowing(10)
            .Pool("dept-b", "province").Nominal(4)
            .Build();

        var refused = tree.Set("dept-a", "a", Vec.Cpu(15));

        Assert.Equal(new Shortfall("province", ResourceNames.Vcpu, 15, 14), Assert.Single(refused.Shortfalls));
        Assert.True(tree.Set("dept-a", "a", Vec.Cpu(14)).Accepted);
    }

    [Fact]
    public void Set_SiblingWithoutLendingLimit_ItsWholeQuotaCanBeBorrowed()
    {
        var tree = new TreeBuilder()
            .Pool("province").Nominal(0)
            .Pool("dept-a", "province").Nominal(10).Borrowing(10)
            .Pool("dept-b", "province").Nominal(4)
            .Build();

        Assert.True(tree.Set("dept-a", "a", Vec.Cpu(14)).Accepted);
        var refused = tree.Set("dept-b", "b", Vec.Cpu(1));

        Assert.Equal(new Shortfall("province", ResourceNames.Vcpu, 1, 0), Assert.Single(refused.Shortfalls));
    }

    [Fact]
    public void Set_SiblingLendingLimit_ProtectsItsGuaranteedShare()
    {
        // dept-b lends at most 1 of its 4: 3 are guaranteed to it. province: 0 + 10 + (4 - 3) = 11.
        var tree = new TreeBuilder()
            .Pool("province").Nominal(0)
            .Pool("dept-a", "province").Nominal(10).Borrowing(10)
            .Pool("dept-b", "province").Nominal(4).Lending(ResourceNames.Vcpu, 1)
            .Build();

        Assert.Equal(new Shortfall("province", ResourceNames.Vcpu, 12, 11), Assert.Single(tree.Set("dept-a", "a", Vec.Cpu(12)).Shortfalls));
        Assert.True(tree.Set("dept-a", "a", Vec.Cpu(11)).Accepted);
        Assert.True(tree.Set("dept-b", "b", Vec.Cpu(3)).Accepted);
        Assert.Equal(new Shortfall("province", ResourceNames.Vcpu, 1, 0), Assert.Single(tree.Set("dept-b", "b2", Vec.Cpu(1)).Shortfalls));
        Assert.Equal(Vec.Cpu(3), tree.LedgerOf("dept-b").LocalUsed);
        Assert.True(tree.LedgerOf("dept-b").Spilled.IsZero);
    }

    [Fact]
    public void Set_LendingLimitPerResource_OnlyListedResourceIsProtected()
    {
        var tree = new TreeBuilder()
            .Pool("province").Nominal(vcpu: 0, memoryGiB: 0)
            .Pool("dept-a", "province").Nominal(vcpu: 0, memoryGiB: 0).Borrowing(vcpu: 100, memoryGiB: 100)
            .Pool("dept-b", "province").Nominal(vcpu: 4, memoryGiB: 8).Lending(ResourceNames.Vcpu, 0)
            .Build();

        var refused = tree.Set("dept-a", "a", Vec.CpuMem(1, 8));

        Assert.Equal(new Shortfall("province", ResourceNames.Vcpu, 1, 0), Assert.Single(refused.Shortfalls));
        Assert.True(tree.Set("dept-a", "a", Vec.CpuMem(0, 8)).Accepted);
    }

    [Fact]
    public void Set_NestedProvinceCityCountyDepartment_EachLevelsLimitBinds()
    {
        // Hand-computed limits:
        //   dept-a    subtree 5, guaranteed 0, spill cap 5 + 10 = 15
        //   dept-b    subtree 5, lends none: guaranteed 5, spill cap 0
        //   dept-c    subtree 0, spill cap 100
        //   county-1  subtree 10 + 5 + 0 + 0 = 15, spill cap 15 + 2 = 17
        //   city-1    subtree 10 + 15 = 25, spill cap 25 + 5 = 30
        //   county-2, dept-x: nothing of their own, spill caps 100
        //   city-2 > dept-y: nothing of their own, spill caps 1000
        //   province  subtree 100 + 25 + 0 + 0 = 125
        var tree = new TreeBuilder()
            .Pool("province").Nominal(100)
            .Pool("city-1", "province").Nominal(10).Borrowing(5)
            .Pool("county-1", "city-1").Nominal(10).Borrowing(2)
            .Pool("dept-a", "county-1").Nominal(5).Borrowing(10)
            .Pool("dept-b", "county-1").Nominal(5).Lending(ResourceNames.Vcpu, 0)
            .Pool("dept-c", "county-1").Nominal(0).Borrowing(100)
            .Pool("county-2", "city-1").Nominal(0).Borrowing(100)
            .Pool("dept-x", "county-2").Nominal(0).Borrowing(100)
            .Pool("city-2", "province").Nominal(0).Borrowing(1000)
            .Pool("dept-y", "city-2").Nominal(0).Borrowing(1000)
            .Build();

        // The department's own borrowing limit.
        AssertShortfall(tree.Set("dept-a", "a", Vec.Cpu(16)), "dept-a", 16, 15);
        Assert.True(tree.Set("dept-a", "a", Vec.Cpu(15)).Accepted);

        // The county's: 15 of 17 used.
        AssertShortfall(tree.Set("dept-c", "c", Vec.Cpu(3)), "county-1", 3, 2);
        Assert.True(tree.Set("dept-c", "c", Vec.Cpu(2)).Accepted);

        // The city's: 17 of 30 used.
        AssertShortfall(tree.Set("dept-x", "x", Vec.Cpu(14)), "city-1", 14, 13);
        Assert.True(tree.Set("dept-x", "x", Vec.Cpu(13)).Accepted);

        // Everything above dept-b is full, but its guaranteed 5 is still there, and no more.
        Assert.True(tree.Set("dept-b", "b", Vec.Cpu(5)).Accepted);
        AssertShortfall(tree.Set("dept-b", "b2", Vec.Cpu(1)), "dept-b", 1, 0);

        // The province's: city-1 holds 30 of 125 there.
        AssertShortfall(tree.Set("dept-y", "y", Vec.Cpu(96)), "province", 96, 95);
        Assert.True(tree.Set("dept-y", "y", Vec.Cpu(95)).Accepted);

        Assert.Equal(Vec.Cpu(125), tree.LedgerOf("province").LocalUsed);
        Assert.Equal(Vec.Cpu(30), tree.LedgerOf("city-1").Spilled);
        Assert.Equal(Vec.Cpu(17), tree.LedgerOf("county-1").Spilled);
    }

    [Fact]
    public void Set_InnerPool_HoldsItsOwnAllocationsLikeAChilds()
    {
        var tree = new TreeBuilder()
            .Pool("province").Nominal(10)
            .Pool("city", "province").Nominal(4).Lending(ResourceNames.Vcpu, 1)
            .Pool("dept", "city").Nominal(2)
            .Build();

        // city: subtree 4 + 2 = 6, guaranteed 5, spill cap 1.
        Assert.True(tree.Set("city", "own", Vec.Cpu(6)).Accepted);
        Assert.Equal(Vec.Cpu(5), tree.LedgerOf("city").LocalUsed);
        Assert.Equal(Vec.Cpu(1), tree.LedgerOf("city").Spilled);
        AssertShortfall(tree.Set("dept", "d", Vec.Cpu(1)), "city", 1, 0);
    }

    private static void AssertShortfall(PathOutcome outcome, string pool, long requested, long available)
    {
        Assert.False(outcome.Accepted);
        Assert.Equal(new Shortfall(pool, ResourceNames.Vcpu, requested, available), Assert.Single(outcome.Shortfalls));
    }
}
