namespace CloudMgmt.Domain.Allocations;

/// <summary>The allocation state machine: which transitions are allowed, and why not when they are not.</summary>
public static class AllocationLifecycle
{
    private static readonly Dictionary<AllocationStatus, AllocationStatus[]> Allowed = new()
    {
        [AllocationStatus.Pending] = [AllocationStatus.PendingApproval, AllocationStatus.Admitted, AllocationStatus.Rejected],
        [AllocationStatus.PendingApproval] = [AllocationStatus.Admitted, AllocationStatus.Rejected, AllocationStatus.Released],
        [AllocationStatus.Admitted] = [AllocationStatus.Released],
        [AllocationStatus.Released] = [],
        [AllocationStatus.Rejected] = [],
    };

    public static bool CanMove(AllocationStatus from, AllocationStatus to) => Allowed[from].Contains(to);

    public static bool IsFinal(AllocationStatus status) => Allowed[status].Length == 0;

    /// <summary>True while the allocation holds quota.</summary>
    public static bool HoldsQuota(AllocationStatus status) =>
        status is AllocationStatus.Pending or AllocationStatus.PendingApproval or AllocationStatus.Admitted;

    /// <summary>Only an admitted allocation may be resized: a pending one is changed by rejecting and asking again.</summary>
    public static bool CanResize(AllocationStatus status) => status == AllocationStatus.Admitted;

    /// <summary>Checks a transition and says what is wrong with it in words an API user understands.</summary>
    public static string? WhyNot(AllocationStatus from, AllocationStatus to) =>
        CanMove(from, to) ? null : $"an allocation that is {from} cannot become {to}";
}
