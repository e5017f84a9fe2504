using CloudMgmt.Domain.Allocations;
using static CloudMgmt.Domain.Allocations.AllocationStatus;

namespace CloudMgmt.Domain.Tests.Allocations;

public sealed class AllocationLifecycleTests
{
    /// <summary>The allowed transitions, written out; every other (from, to) pair must be refused.</summary>
    private static readonly HashSet<(AllocationStatus, AllocationStatus)> AllowedPairs =
    [
        (Pending, PendingApproval), (Pending, Admitted), (Pending, Rejected),
        (PendingApproval, Admitted), (PendingApproval, Released), (PendingApproval, Rejected),
        (Admitted, Placed), (Admitted, Failed), (Admitted, Released),
        (Placed, Provisioning), (Placed, Ready), (Placed, Releasing), (Placed, Failed),
        (Provisioning, Ready), (Provisioning, Releasing), (Provisioning, Failed),
        (Ready, Releasing), (Ready, Resizing),
        (Resizing, Ready), (Resizing, Releasing),
        (Releasing, Released),
    ];

    /// <summary>Every (from, to) pair and whether it is allowed: the whole state machine in one table.</summary>
    public static TheoryData<AllocationStatus, AllocationStatus, bool> Transitions
    {
        get
        {
            var data = new TheoryData<AllocationStatus, AllocationStatus, bool>();
            foreach (var from in Enum.GetValues<AllocationStatus>())
            {
                foreach (var to in Enum.GetValues<AllocationStatus>())
                {
                    data.Add(from, to, AllowedPairs.Contains((from, to)));
                }
            }

            return data;
        }
    }

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
    [InlineData(Pending, false, true, false, false)]
    [InlineData(PendingApproval, false, true, false, false)]
    [InlineData(Admitted, false, true, true, false)]
    [InlineData(Released, true, false, false, false)]
    [InlineData(Rejected, true, false, false, false)]
    [InlineData(Placed, false, true, true, true)]
    [InlineData(Provisioning, false, true, false, true)]
    [InlineData(Ready, false, true, true, false)]
    [InlineData(Resizing, false, true, true, true)]
    [InlineData(Releasing, false, true, false, true)]
    [InlineData(Failed, true, false, false, false)]
    public void Status_Table_FinalHoldsQuotaResizableAwaitsReconciler(
        AllocationStatus status, bool final, bool holdsQuota, bool resizable, bool awaitsReconciler)
    {
        Assert.Equal(final, AllocationLifecycle.IsFinal(status));
        Assert.Equal(holdsQuota, AllocationLifecycle.HoldsQuota(status));
        Assert.Equal(resizable, AllocationLifecycle.CanResize(status));
        Assert.Equal(awaitsReconciler, AllocationLifecycle.AwaitsReconciler(status));
    }

    [Fact]
    public void Status_Table_CoversEveryStatus() =>
        Assert.Equal(Enum.GetValues<AllocationStatus>().Length,
            typeof(AllocationLifecycleTests).GetMethod(nameof(Status_Table_FinalHoldsQuotaResizableAwaitsReconciler))!
                .GetCustomAttributes(typeof(InlineDataAttribute), false).Length);

    [Fact]
    public void WhyNot_ForbiddenMove_SaysFromAndTo() =>
        Assert.Equal("an allocation that is Released cannot become Admitted", AllocationLifecycle.WhyNot(Released, Admitted));
}
