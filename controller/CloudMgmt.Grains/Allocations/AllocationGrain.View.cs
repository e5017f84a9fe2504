using CloudMgmt.Domain.Quota;
using CloudMgmt.Grains.Persistence;

namespace CloudMgmt.Grains.Allocations;

public sealed partial class AllocationGrain
{
    private AllocationView View()
    {
        var reasons = S.ApprovalReasons.Select(r => new ApprovalReason(r.PoolId, r.Resource, r.Requested, r.Threshold)).ToList();
        var decision = new AdmissionDecision(true, reasons.Count > 0, S.Path, [], reasons, S.Placement);
        var history = S.History.Select(e => new AllocationEvent(e.At, e.Status, e.Message, e.By)).ToList();
        return new AllocationView(Id, S.Tenant, S.Path[0], VectorState.Load(S.Resources), S.Constraints, S.Priority,
            S.Status, decision, history, S.CreatedAt, S.UpdatedAt, ElasticView());
    }

    private AllocationElasticView ElasticView()
    {
        var e = S.Elastic;
        return new AllocationElasticView(e.IdleSince, e.IdleMarkedAt, e.ReclaimAt, e.Protected, e.PostponedUntil, e.LastActionAt,
            VectorState.LoadOptional(e.PendingGrow), e.PendingGrowReason);
    }
}
