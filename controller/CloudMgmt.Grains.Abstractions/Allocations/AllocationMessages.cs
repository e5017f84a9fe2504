using CloudMgmt.Domain.Allocations;
using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Grains.Allocations;

/// <summary>A department's request for capacity.</summary>
/// <param name="RequestHash">A digest of the request body, so that a retry with the same idempotency key can be told from a different request.</param>
/// <param name="By">Who asks ("key:key-1a2b", "oidc:wang.li"): the history's first entries name them.</param>
/// <param name="FormerHash">The digest an earlier version made of the same body (constraints as sent, before their names were normalised), so that a retry of a request it recorded still matches; null when the two are the same.</param>
[GenerateSerializer, Immutable]
public sealed record AllocationRequest(
    string Tenant,
    ResourceVector Resources,
    IReadOnlyDictionary<string, string>? Constraints,
    int Priority,
    string RequestHash,
    string? By = null,
    string? FormerHash = null);

/// <summary>Would a request be admitted, and if not, where it falls short; and where it would be placed.</summary>
/// <param name="Placeable">Whether a cloud can take it; null when no cloud is registered.</param>
/// <param name="PlacementJson">The placement decision (every filter's verdict per cloud, the scores, the choice) as JSON; null when no cloud is registered.</param>
[GenerateSerializer, Immutable]
public sealed record AdmissionDecision(
    bool Fits,
    bool NeedsApproval,
    IReadOnlyList<string> Path,
    IReadOnlyList<Shortfall> Shortfalls,
    IReadOnlyList<ApprovalReason> ApprovalReasons,
    string? PlacementJson = null,
    bool? Placeable = null);

[GenerateSerializer, Immutable]
public sealed record AllocationEvent(DateTimeOffset At, AllocationStatus Status, string Message, string? By);

[GenerateSerializer, Immutable]
public sealed record AllocationView(
    string Id,
    string Tenant,
    string Pool,
    ResourceVector Resources,
    IReadOnlyDictionary<string, string> Constraints,
    int Priority,
    AllocationStatus Status,
    AdmissionDecision Decision,
    IReadOnlyList<AllocationEvent> History,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    AllocationElasticView? Elastic = null,
    bool Replayed = false); // the answer to a retry (same Idempotency-Key and body), which changed nothing
