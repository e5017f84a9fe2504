using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Domain.Tests.Support;

namespace CloudMgmt.Domain.Tests.Quota;

public sealed class QuotaHierarchyTests
{
    [Fact]
    public void Validate_ValidTree_NoErrors()
    {
        var pools = new TreeBuilder()
            .Pool("province").Nominal(10)
            .Pool("city", "province").Nominal(5)
            .Pool("county", "city").Nominal(1)
            .Definitions();

        Assert.Empty(QuotaHierarchy.Validate(pools));
    }

    [Fact]
    public void Validate_MissingParent_ReportsPoolAndParent()
    {
        var pools = new TreeBuilder()
            .Pool("province").Nominal(10)
            .Pool("city", "nowhere").Nominal(5)
            .Definitions();

        var error = Assert.Single(QuotaHierarchy.Validate(pools));
        Assert.Equal("pool 'city': parent 'nowhere' does not exist", error);
    }

    [Fact]
    public void Validate_Cycle_ReportsEveryPoolOnIt()
    {
        var pools = new TreeBuilder()
            .Pool("province").Nominal(10)
            .Pool("a", "c").Nominal(1)
            .Pool("b", "a").Nominal(1)
            .Pool("c", "b").Nominal(1)
            .Definitions();

        var errors = QuotaHierarchy.Validate(pools);

        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Contains("forms a cycle", e, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("pool 'a'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("pool 'b'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("pool 'c'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_OwnParent_IsACycle()
    {
        var pools = new TreeBuilder().Pool("loop", "loop").Nominal(1).Definitions();

        Assert.Equal("pool 'loop': its ancestry forms a cycle through 'loop'", Assert.Single(QuotaHierarchy.Validate(pools)));
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsAll()
    {
        var pools = new TreeBuilder()
            .Pool("x", "missing").Nominal(1)
            .Pool("y", "y").Nominal(1)
            .Definitions();

        Assert.Equal(2, QuotaHierarchy.Validate(pools).Count);
    }

    [Fact]
    public void Validate_DuplicateId_ReportsIt()
    {
        var pools = new TreeBuilder().Pool("province").Nominal(1).Pool("province").Nominal(2).Definitions();

        var error = Assert.Single(QuotaHierarchy.Validate(pools));
        Assert.Contains("province", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vcpu", -1)]
    [InlineData("not a name", 1)]
    public void Validate_BadLendingLimit_ReportsIt(string resource, long limit)
    {
        var pools = new TreeBuilder()
            .Pool("province").Nominal(10)
            .Pool("city", "province").Nominal(5).Lending(resource, limit)
            .Definitions();

        Assert.Contains("city", Assert.Single(QuotaHierarchy.Validate(pools)), StringComparison.Ordinal);
    }

    [Fact]
    public void QuotaTree_InvalidTree_ThrowsWithEveryError()
    {
        var builder = new TreeBuilder().Pool("x", "missing").Nominal(1).Pool("y", "y").Nominal(1);

        var e = Assert.Throws<ArgumentException>(builder.Build);
        Assert.Contains("parent 'missing' does not exist", e.Message, StringComparison.Ordinal);
        Assert.Contains("cycle through 'y'", e.Message, StringComparison.Ordinal);
    }

    /// <summary>One child under a root with nominal 100: the child's limits, worked out by hand.</summary>
    [Theory]
    // nominal, lending (-1 = none), borrowing (-1 = none) => subtree, guaranteed, spill cap
    [InlineData(10, -1, -1, 10, 0, 10)] // no lending limit: nothing guaranteed, all of it sits in the parent
    [InlineData(10, -1, 5, 10, 0, 15)]  // borrowing adds to what it may hold in the parent
    [InlineData(10, 4, -1, 10, 6, 4)]   // lends 4: keeps 10 - 4
    [InlineData(10, 0, -1, 10, 10, 0)]  // lends none: keeps everything, never uses the parent
    [InlineData(10, 0, 3, 10, 10, 3)]   // lends none, borrows 3
    [InlineData(10, 25, 2, 10, 0, 12)]  // lending limit above the quota: max(0, 10 - 25) = 0
    [InlineData(0, -1, 7, 0, 0, 7)]     // no quota of its own, only borrowing
    public void ComputeLimits_ChildOfRoot_MatchesHandComputed(
        long nominal, long lending, long borrowing, long subtree, long guaranteed, long spillCap)
    {
        var builder = new TreeBuilder().Pool("root").Nominal(100).Pool("child", "root").Nominal(nominal);
        if (lending >= 0)
        {
            builder.Lending(ResourceNames.Vcpu, lending);
        }

        if (borrowing >= 0)
        {
            builder.Borrowing(borrowing);
        }

        var limits = QuotaHierarchy.ComputeLimits(builder.Definitions());

        Assert.Equal(new PoolLimits(Vec.Cpu(subtree), Vec.Cpu(guaranteed), Vec.Cpu(spillCap)), limits["child"]);
        // The root keeps the child's lendable part: 100 + (subtree - guaranteed).
        var rootQuota = Vec.Cpu(100 + subtree - guaranteed);
        Assert.Equal(new PoolLimits(rootQuota, rootQuota, ResourceVector.Zero), limits["root"]);
    }

    [Fact]
    public void ComputeLimits_NestedWithoutLendingLimits_SubtreesAddUp()
    {
        var limits = QuotaHierarchy.ComputeLimits(new TreeBuilder()
            .Pool("province").Nominal(10)
            .Pool("city-1", "province").Nominal(4)
            .Pool("county-1", "city-1").Nominal(2)
            .Pool("city-2", "province").Nominal(6).Borrowing(3)
            .Definitions());

        // county-1: 2, nothing guaranteed.   city-1: 4 + (2 - 0) = 6.   city-2: 6, spill cap 6 + 3.
        // province: 10 + (6 - 0) + (6 - 0) = 22, all of it its own.
        Assert.Equal(Limits(2, 0, 2), limits["county-1"]);
        Assert.Equal(Limits(6, 0, 6), limits["city-1"]);
        Assert.Equal(Limits(6, 0, 9), limits["city-2"]);
        Assert.Equal(Limits(22, 22, 0), limits["province"]);
    }

    [Fact]
    public void ComputeLimits_NestedWithLendingLimits_GuaranteedPartsNotCountedUpwards()
    {
        var limits = QuotaHierarchy.ComputeLimits(new TreeBuilder()
            .Pool("province").Nominal(10).Lending(ResourceNames.Vcpu, 1).Borrowing(50) // both ignored on a root
            .Pool("city-1", "province").Nominal(4).Lending(ResourceNames.Vcpu, 1)
            .Pool("dept-1", "city-1").Nominal(5).Lending(ResourceNames.Vcpu, 2)
            .Pool("dept-2", "city-1").Nominal(3).Borrowing(4)
            .Pool("city-2", "province").Nominal(6).Lending(ResourceNames.Vcpu, 10).Borrowing(2)
            .Definitions());

        // dept-1: subtree 5, guaranteed 5 - 2 = 3, spill cap 2.
        // dept-2: subtree 3, guaranteed 0, spill cap 3 + 4 = 7.
        // city-1: subtree 4 + (5 - 3) + (3 - 0) = 9, guaranteed 9 - 1 = 8, spill cap 1.
        // city-2: subtree 6, guaranteed max(0, 6 - 10) = 0, spill cap 6 + 2 = 8.
        // province: 10 + (9 - 8) + (6 - 0) = 17.
        Assert.Equal(Limits(5, 3, 2), limits["dept-1"]);
        Assert.Equal(Limits(3, 0, 7), limits["dept-2"]);
        Assert.Equal(Limits(9, 8, 1), limits["city-1"]);
        Assert.Equal(Limits(6, 0, 8), limits["city-2"]);
        Assert.Equal(Limits(17, 17, 0), limits["province"]);
    }

    [Fact]
    public void ComputeLimits_LendingLimitOnOneResource_OtherResourcesLentInFull()
    {
        var limits = QuotaHierarchy.ComputeLimits(new TreeBuilder()
            .Pool("province").Nominal(vcpu: 100, memoryGiB: 100)
            .Pool("city", "province").Nominal(vcpu: 4, memoryGiB: 8).Lending(ResourceNames.Vcpu, 1).Borrowing(vcpu: 0, memoryGiB: 2)
            .Definitions());

        Assert.Equal(
            new PoolLimits(Vec.CpuMem(4, 8), Vec.CpuMem(3, 0), Vec.CpuMem(1, 10)),
            limits["city"]);
        Assert.Equal(Vec.CpuMem(101, 108), limits["province"].SubtreeQuota);
        Assert.Equal(Vec.CpuMem(4, 10), limits["city"].Ceiling);
    }

    [Fact]
    public void ComputeLimits_SeveralRoots_EachIsItsOwnTree()
    {
        var limits = QuotaHierarchy.ComputeLimits(new TreeBuilder()
            .Pool("north").Nominal(5)
            .Pool("north-city", "north").Nominal(2)
            .Pool("south").Nominal(7)
            .Definitions());

        Assert.Equal(Limits(7, 7, 0), limits["north"]);
        Assert.Equal(Limits(7, 7, 0), limits["south"]);
    }

    [Fact]
    public void PathToRoot_DeepPool_LeafFirst()
    {
        var pools = new TreeBuilder()
            .Pool("province").Pool("city", "province").Pool("county", "city").Pool("dept", "county")
            .Definitions().ToDictionary(p => p.Id);

        Assert.Equal(["dept", "county", "city", "province"], QuotaHierarchy.PathToRoot(pools, "dept"));
        Assert.Equal(["province"], QuotaHierarchy.PathToRoot(pools, "province"));
    }

    private static PoolLimits Limits(long subtree, long guaranteed, long spillCap) =>
        new(Vec.Cpu(subtree), Vec.Cpu(guaranteed), Vec.Cpu(spillCap));
}
