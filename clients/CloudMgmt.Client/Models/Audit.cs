namespace CloudMgmt.Client.Models;

/// <summary>Filters of the audit trail; every one optional.</summary>
public sealed record AuditQuery
{
    /// <summary>Who: "key:key-1a2b", "oidc:wang.li", "system:reconciler".</summary>
    public string? Actor { get; init; }

    /// <summary>An action ("pool.create"), or a prefix ending in '*' ("allocation.*").</summary>
    public string? Action { get; init; }

    /// <summary>What: "pool:hefei", "allocation:alloc-…".</summary>
    public string? Target { get; init; }

    /// <summary>Records at or after.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Records before.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Records per page: 1-1000, default 100.</summary>
    public int? Limit { get; init; }

    /// <summary>The previous page's <see cref="AuditPage.Next"/>.</summary>
    public long? After { get; init; }
}

/// <summary>Who did something.</summary>
/// <param name="Kind">key, oidc or system.</param>
/// <param name="Id">The key's id, the user's subject or the system actor's name.</param>
/// <param name="Name">A name for people.</param>
/// <param name="Role">operator, department or viewer; null for the system.</param>
/// <param name="Tenant">A department's tenant.</param>
/// <param name="Pool">The pool the caller is scoped to.</param>
public sealed record AuditActor(string Kind, string? Id, string? Name, string? Role, string? Tenant, string? Pool);

/// <summary>One audit record: a change, an attempted change or a refusal.</summary>
/// <param name="Id">Its place in the trail.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Source">From where (an address, "console", "controller").</param>
/// <param name="RequestId">The request's trace id, as the logs carry it.</param>
/// <param name="Action">What ("pool.update", "auth.refused").</param>
/// <param name="Target">To what ("pool:hefei").</param>
/// <param name="Outcome">The HTTP status it was answered with.</param>
/// <param name="Detail">What changed (old → new), or why it was refused; never a secret.</param>
public sealed record AuditRecord(
    long Id, DateTimeOffset At, AuditActor Actor, string? Source, string? RequestId, string Action, string? Target, int Outcome, string? Detail);

/// <summary>A page of audit records, oldest first.</summary>
/// <param name="Items">The records.</param>
/// <param name="Next">Pass as <see cref="AuditQuery.After"/> for the next page; null on the last.</param>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Items, long? Next);

/// <summary>What checking the trail's hash chain found.</summary>
/// <param name="Valid">Every record is as written and none is missing.</param>
/// <param name="Records">How many were checked.</param>
/// <param name="FirstBroken">The first id where the chain breaks; null when valid.</param>
/// <param name="LastHash">The hash of the last record: kept elsewhere, it shows later that nothing before it was rewritten.</param>
public sealed record AuditVerification(bool Valid, long Records, long? FirstBroken, string LastHash);
