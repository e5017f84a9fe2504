using CloudMgmt.Domain.Allocations;
using CloudMgmt.Grains.Allocations;
using CloudMgmt.Grains;
using CloudMgmt.Reconciliation.Monitoring;

namespace CloudMgmt.Application.Allocations;

/// <summary>Counts each submitted request's admission outcome and how long deciding it took; a retried request counts once.</summary>
internal static class AdmissionMetrics
{
    public static void Record(Outcome<AllocationView> outcome, TimeSpan elapsed)
    {
        var result = outcome switch
        {
            { Failure.Kind: FailureKind.QuotaExceeded } => "rejected",
            { Failure.Kind: FailureKind.Unplaceable } => "unplaceable",
            { Failure: not null } => null, // bad input or a conflicting retry: no admission was decided
            { Value.Replayed: true } => null, // a retry is answered with the decision already counted
            { Value.Status: AllocationStatus.PendingApproval } => "pending_approval",
            { Value.Status: AllocationStatus.Rejected } => "rejected",
            { Value.Status: AllocationStatus.Failed } => "unplaceable", // the room chosen was taken before it was held
            _ => "admitted",
        };
        if (result is null)
            return;
        ControllerMetrics.Admissions.WithLabels(result).Inc();
        ControllerMetrics.AdmissionSeconds.Observe(elapsed.TotalSeconds);
    }
}
