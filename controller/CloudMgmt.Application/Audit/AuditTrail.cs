using CloudMgmt.Application.Access;
using CloudMgmt.Domain.Audit;
using CloudMgmt.Grains;
using CloudMgmt.Grains.Persistence;

namespace CloudMgmt.Application.Audit;

/// <summary>
/// Writes the audit records: one per change, per attempted change, and per refusal. Each call
/// returns once its record is durable, so a use case answers only after its record is stored.
/// </summary>
public sealed class AuditTrail(IAuditStore store, TimeProvider time)
{
    /// <summary>Details are for people and end up in exports: keep them to a line.</summary>
    private const int MaxDetail = 1000;

    public Task<long> RecordAsync(Caller caller, string action, Resource target, int outcome, string? detail) =>
        store.AppendAsync(new AuditEntry(
            time.GetUtcNow(), caller.Principal.ToActor(), caller.Source, caller.RequestId, action, target.Target, outcome, Trim(detail), target.Scope));

    /// <summary>Records a refusal before any principal is known (a 401), or by an actor the caller describes itself.</summary>
    public Task<long> RecordAsync(AuditActor actor, string? source, string? requestId, string action, string? target, int outcome, string? detail) =>
        store.AppendAsync(new AuditEntry(time.GetUtcNow(), actor, source, requestId, action, target, outcome, Trim(detail), AuditScope.Global));

    /// <summary>Records what a change came to: its success (with <paramref name="detail"/>) or its failure (with the failure's detail).</summary>
    public async Task<Outcome<T>> RecordAsync<T>(
        Caller caller, Operation operation, Resource target, Outcome<T> outcome, int success, Func<T, string?> detail)
    {
        await RecordAsync(caller, operation.Name, target, outcome.Failure is { } f ? Outcomes.Of(f.Kind) : success,
            outcome.Failure is { } failure ? failure.Detail : detail(outcome.Value!));
        return outcome;
    }

    /// <summary>Records an attempt that failed before it changed anything (invalid, not allowed, missing) and returns its failure.</summary>
    public async Task<Failure> RefuseAsync(Caller caller, Operation operation, Resource target, Failure failure)
    {
        await RecordAsync(caller, operation.Name, target, Outcomes.Of(failure.Kind), failure.Detail);
        return failure;
    }

    private static string? Trim(string? detail) =>
        detail is null || detail.Length <= MaxDetail ? detail : detail[..MaxDetail] + "…";
}
