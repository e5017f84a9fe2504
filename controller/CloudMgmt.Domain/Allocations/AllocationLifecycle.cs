using static CloudMgmt.Domain.Allocations.AllocationStatus;

namespace CloudMgmt.Domain.Allocations;

/// <summary>The allocation state machine: which transitions are allowed, and why not when they are not.</summary>
public static class AllocationLifecycle
{
    private static readonly Dictionary<AllocationStatus, AllocationStatus[]> Allowed = new()
    {
        [Pending] = [PendingApproval, Admitted, Rejected],
        [PendingApproval] = [Admitted, Rejected, Released],
        [Admitted] = [Placed, Failed, Released],
        [Placed] = [Provisioning, Ready, Releasing, Failed],
        [Provisioning] = [Ready, Releasing, Failed],
        [Ready] = [Releasing, Resizing],
        [Resizing] = [Ready, Releasing],
        [Releasing] = [Released],
        [Released] = [],
        [Rejected] = [],
        [Failed] = [],
    };

    public static bool CanMove(AllocationStatus from, AllocationStatus to) => Allowed[from].Contains(to);

    public static bool IsFinal(AllocationStatus status) => Allowed[status].Length == 0;

    /// <summary>True while the allocation holds quota (a grant on a cloud holds it until it is gone).</summary>
    public static bool HoldsQuota(AllocationStatus status) => !IsFinal(status);

    /// <summary>
    /// True while the allocation holds quota that was admitted: every status that holds quota except a
    /// request waiting for an operator's approval (placed, provisioning, ready, resizing and releasing
    /// allocations hold their admitted quota until it is given back).
    /// </summary>
    public static bool HoldsAdmittedQuota(AllocationStatus status) => HoldsQuota(status) && status is not (Pending or PendingApproval);

    /// <summary>An allocation may be resized while it holds quota and is not on its way out or awaiting an operator.</summary>
    public static bool CanResize(AllocationStatus status) => status is Admitted or Placed or Ready or Resizing;

    /// <summary>True when the allocation is placed on a cloud (its release goes through the reconciler).</summary>
    public static bool IsOnCloud(AllocationStatus status) => status is Placed or Provisioning or Ready or Resizing or Releasing;

    /// <summary>True while the reconciler still has to act on the cloud for it (make, change or remove its grant).</summary>
    public static bool AwaitsReconciler(AllocationStatus status) => status is Placed or Provisioning or Resizing or Releasing;

    /// <summary>Checks a transition and says what is wrong with it in words an API user understands.</summary>
    public static string? WhyNot(AllocationStatus from, AllocationStatus to) =>
        CanMove(from, to) ? null : $"an allocation that is {from} cannot become {to}";
}
