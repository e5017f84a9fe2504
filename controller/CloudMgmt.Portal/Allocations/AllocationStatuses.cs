using CloudMgmt.Domain.Allocations;

namespace CloudMgmt.Portal.Allocations;

/// <summary>What the console offers for an allocation in each status: the domain's state machine says, the console only asks.</summary>
public static class AllocationStatuses
{
    public static readonly IReadOnlyList<string> All = Enum.GetNames<AllocationStatus>();

    /// <summary>Nothing more happens to it: a page stops watching it.</summary>
    public static bool IsFinal(string status) => Parse(status) is { } s && AllocationLifecycle.IsFinal(s);

    public static bool CanResize(string status) => Parse(status) is { } s && AllocationLifecycle.CanResize(s);

    /// <summary>Release is offered while it holds quota and is not already on its way out.</summary>
    public static bool CanRelease(string status) => Parse(status) is { } s && AllocationLifecycle.HoldsQuota(s) && s is not (AllocationStatus.Releasing or AllocationStatus.Pending);

    public static bool AwaitsApproval(string status) => status == nameof(AllocationStatus.PendingApproval);

    private static AllocationStatus? Parse(string status) => Enum.TryParse<AllocationStatus>(status, out var s) ? s : null;
}
