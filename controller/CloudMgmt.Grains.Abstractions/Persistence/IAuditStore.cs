using CloudMgmt.Domain.Audit;

namespace CloudMgmt.Grains.Persistence;

/// <summary>
/// The audit trail's storage: append-only records in one hash chain, in the controller's store
/// (the SQLite file, or the cluster's PostgreSQL database). The store gives each record its id and
/// links it to the one before inside the transaction that writes it, so the chain has one order
/// however many writers (or nodes) append at once.
/// </summary>
public interface IAuditStore
{
    /// <summary>Appends one record; durable when the task completes. Returns its id.</summary>
    Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Records in id order matching the query, with a cursor for the next page.</summary>
    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads the whole chain on one consistent snapshot and checks every link.</summary>
    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the records older than <paramref name="before"/> (a prefix of the chain) and moves the
    /// chain's anchor to the first one kept, so the rest still verifies. Returns how many were deleted.
    /// </summary>
    Task<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}

/// <param name="Actor">"kind:id" ("key:key-1a2b", "system:elastic") or a bare id.</param>
/// <param name="Action">An action ("pool.update"), or a prefix ending in '*' ("allocation.*").</param>
/// <param name="After">Only records with a greater id (the previous page's cursor).</param>
/// <param name="ScopePool">Only records whose target lies at or below this pool (a scoped reader's view).</param>
/// <param name="ScopeTenant">Only records whose target belongs to this tenant (a department's view).</param>
public sealed record AuditQuery(
    string? Actor = null, string? Action = null, string? Target = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    long? After = null, int Limit = 100, string? ScopePool = null, string? ScopeTenant = null);

/// <param name="Next">The id to pass as <see cref="AuditQuery.After"/> for the next page; null on the last page.</param>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Items, long? Next);
