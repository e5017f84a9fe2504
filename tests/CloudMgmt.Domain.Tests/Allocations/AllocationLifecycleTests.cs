using CloudMgmt.Domain.Allocations;
using static CloudMgmt.Domain.Allocations.AllocationStatus;

namespace CloudMgmt.Domain.Tests.Allocations;

public sealed class AllocationLifecycleTests
{
    /// <summary>Every (from, to) pair and whether it is allowed: the whole state machine in one table.</summary>
    public static TheoryData<AllocationStatus, AllocationStatus, bool> Transitions => new()
    {
        { Pending, Pending, false },
        { Pending, PendingApproval, true },
        { Pending, Admitted, true },
        { Pending, Released, false },
        { Pending, Rejected, true },
        { PendingApproval, Pending, false },
        { PendingApproval, PendingApproval, false },
        { PendingApproval, Admitted, true },
        { PendingApproval, Released, true },
        { PendingApproval, Rejected, true },
        { Admitted, Pending, false },
        { Admitted, PendingApproval, false },
        { Admitted, Admitted, false },
        { Admitted, Released, true },
        { Admitted, Rejected, false },
        { Released, Pending, false },
        { Released, PendingApproval, false },
        { Released, Admitted, false },
        { Released, Released, false },
        { Released, Rejected, false },
        { Rejected, Pending, false },
        { Rejected, PendingApproval, false },
        { Rejected, Admitted, false },
        { Rejected, Released, false },
        { Rejected, Rejected, false },
    };

    [Fact]
    public void Transitions_Table_CoversEveryPair() =>
        Assert.Equal(Enum.GetValues<AllocationStatus>().Length * Enum.GetValues<AllocationStatus>().Length, Transitions.Count());

    [Theory]
    [MemberData(nameof(Transitions))]
    public void CanMove_Table_MatchesTheStateMachine(AllocationStatus from, AllocationStatus to, bool allowed)
    {
        Assert.Equal(allowed, AllocationLifecycle.CanMove(from, to));
        Assert.Equal(allowed, AllocationLifecycle.WhyNot(from, to) is null);
    }

    [Theory]
    [InlineData(Pending, false, true, false)]
    [InlineData(PendingApproval, false, true, false)]
    [InlineData(Admitted, false, true, true)]
    [InlineData(Released, true, false, false)]
    [InlineData(Rejected, true, false, false)]
    public void Status_Table_FinalHoldsQuotaResizable(AllocationStatus status, bool final, bool holdsQuota, bool resizable)
    {
        Assert.Equal(final, AllocationLifecycle.IsFinal(status));
        Assert.Equal(holdsQuota, AllocationLifecycle.HoldsQuota(status));
        Assert.Equal(resizable, AllocationLifecycle.CanResize(status));
    }

    [Fact]
    public void WhyNot_ForbiddenMove_SaysFromAndTo() =>
        Assert.Equal("an allocation that is Released cannot become Admitted", AllocationLifecycle.WhyNot(Released, Admitted));
}
