using CloudMgmt.Domain.Audit;

namespace CloudMgmt.Application.Audit;

/// <summary>The filters of GET /api/v1/audit.</summary>
/// <param name="Action">An action, or a prefix ending in '*' ("allocation.*").</param>
/// <param name="After">The previous page's "next".</param>
public sealed record AuditFilter(
    string? Actor = null, string? Action = null, string? Target = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    int? Limit = null, long? After = null);

public sealed record AuditActorResponse(string Kind, string? Id, string? Name, string? Role, string? Tenant, string? Pool);

/// <summary>One audit record as shown; the hash chain is checked by GET /api/v1/audit/verify.</summary>
public sealed record AuditRecordResponse(
    long Id, DateTimeOffset At, AuditActorResponse Actor, string? Source, string? RequestId, string Action, string? Target, int Outcome,
    string? Detail)
{
    public static AuditRecordResponse From(AuditRecord record)
    {
        var e = record.Entry;
        return new(record.Id, e.At, new AuditActorResponse(e.Actor.Kind, e.Actor.Id, e.Actor.Name, e.Actor.Role, e.Actor.Tenant, e.Actor.Pool),
            e.Source, e.RequestId, e.Action, e.Target, e.Outcome, e.Detail);
    }
}

public sealed record AuditPageResponse(IReadOnlyList<AuditRecordResponse> Items, long? Next);

/// <param name="FirstBroken">The first id at which the chain breaks (a record changed, or missing); null when valid.</param>
/// <param name="LastHash">The hash of the last record: kept elsewhere, it shows later that nothing before it was rewritten.</param>
public sealed record AuditVerifyResponse(bool Valid, long Records, long? FirstBroken, string LastHash);
