using System.ComponentModel.DataAnnotations;
using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Allocations;
using CloudMgmt.Grains.Keys;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Grains.Tenants;

namespace CloudMgmt.Host.Api;

public sealed record CreatePoolRequest(
    string? Id, string? Parent, [property: MaxLength(TextRules.DisplayNameMax)] string? DisplayName, Dictionary<string, long>? Quota,
    Dictionary<string, long>? BorrowingLimit, Dictionary<string, long>? LendingLimit, Dictionary<string, long>? ApprovalThreshold);

public sealed record UpdatePoolRequest(
    [property: MaxLength(TextRules.DisplayNameMax)] string? DisplayName, Dictionary<string, long>? Quota,
    Dictionary<string, long>? BorrowingLimit, Dictionary<string, long>? LendingLimit, Dictionary<string, long>? ApprovalThreshold);

/// <param name="Reserved">What is charged to the pool; null for a department key where other tenants' allocations are counted in it.</param>
/// <param name="Borrowed">The part of <paramref name="Reserved"/> above the subtree quota; null where it is.</param>
/// <param name="Reservations">How many allocations hold quota here; null where <paramref name="Reserved"/> is.</param>
public sealed record PoolResponse(
    string Id, string? Parent, string? DisplayName, IReadOnlyDictionary<string, long> Quota,
    IReadOnlyDictionary<string, long>? BorrowingLimit, IReadOnlyDictionary<string, long>? LendingLimit,
    IReadOnlyDictionary<string, long>? ApprovalThreshold, IReadOnlyDictionary<string, long> SubtreeQuota,
    IReadOnlyDictionary<string, long>? Reserved, IReadOnlyDictionary<string, long>? Borrowed, int? Reservations);

public sealed record PoolTreeNode(PoolResponse Pool, IReadOnlyList<PoolTreeNode> Children);

public sealed record CreateTenantRequest(string? Id, string? Pool, [property: MaxLength(TextRules.DisplayNameMax)] string? DisplayName);

public sealed record TenantResponse(
    string Id, string Pool, string? DisplayName, IReadOnlyDictionary<string, long> Admitted,
    IReadOnlyDictionary<string, long> PendingApproval, int Allocations);

public sealed record CreateAllocationRequest(
    string? Tenant, Dictionary<string, long>? Resources, Dictionary<string, string>? Constraints, int? Priority);

/// <summary>A JSON merge patch (RFC 7396) of an allocation's resources.</summary>
/// <param name="Resources">Each amount given replaces that resource's amount; null removes the resource; a resource not named keeps its amount.</param>
public sealed record ResizeAllocationRequest(Dictionary<string, long?>? Resources);

public sealed record DecisionNoteRequest([property: MaxLength(TextRules.NoteMax)] string? Reason);

public sealed record ShortfallResponse(string Pool, string Resource, long Requested, long Available, long Short);

public sealed record ApprovalReasonResponse(string Pool, string Resource, long Requested, long Threshold);

/// <param name="Placement">Where it goes: every filter's verdict per cloud, the scores and the choice (null with no cloud registered).</param>
public sealed record DecisionResponse(
    bool Fits, bool NeedsApproval, IReadOnlyList<string> Path, IReadOnlyList<ShortfallResponse> Shortfalls,
    IReadOnlyList<ApprovalReasonResponse> ApprovalReasons, System.Text.Json.JsonElement? Placement);

public sealed record DryRunResponse(bool DryRun, bool WouldBeAdmitted, string WouldBe, DecisionResponse Decision);

public sealed record EventResponse(DateTimeOffset At, string Status, string Message, string? By);

public sealed record AllocationResponse(
    string Id, string Tenant, string Pool, IReadOnlyDictionary<string, long> Resources,
    IReadOnlyDictionary<string, string> Constraints, int Priority, string Status, DecisionResponse Decision,
    IReadOnlyList<EventResponse> History, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? IdleSince = null, DateTimeOffset? ReclaimAt = null, ElasticResponse? Elastic = null);

public sealed record AllocationSummaryResponse(
    string Id, string Tenant, string Status, IReadOnlyDictionary<string, long> Resources, int Priority,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record PageResponse<T>(IReadOnlyList<T> Items, string? Next);

public sealed record CreateKeyRequest(string? Role, string? Tenant, [property: MaxLength(TextRules.DisplayNameMax)] string? Name);

public sealed record KeyResponse(string Id, string? Name, string Role, string? Tenant, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

public sealed record IssuedKeyResponse(string Id, string? Name, string Role, string? Tenant, DateTimeOffset CreatedAt, string Token);

/// <summary>Maps grain messages to the wire shapes above.</summary>
internal static class Dto
{
    public static IReadOnlyDictionary<string, long> Map(ResourceVector v) => v.ToDictionary();

    public static PoolResponse Pool(PoolSpec spec, PoolUsage usage, bool showUsage) => new(
        spec.Id, spec.Parent, spec.DisplayName, Map(spec.Quota), spec.BorrowingLimit is null ? null : Map(spec.BorrowingLimit),
        spec.LendingLimit, spec.ApprovalThreshold, Map(usage.Limits.SubtreeQuota), showUsage ? Map(usage.Reserved) : null,
        showUsage ? Map(usage.Borrowed) : null, showUsage ? usage.Reservations : null);

    public static TenantResponse Tenant(TenantSpec spec, TenantUsage usage) =>
        new(spec.Id, spec.Pool, spec.DisplayName, Map(usage.Admitted), Map(usage.PendingApproval), usage.Allocations);

    public static ShortfallResponse Shortfall(Shortfall s) => new(s.PoolId, s.Resource, s.Requested, s.Available, s.Short);

    public static DecisionResponse Decision(AdmissionDecision d) => new(
        d.Fits, d.NeedsApproval, d.Path, d.Shortfalls.Select(Shortfall).ToList(),
        d.ApprovalReasons.Select(r => new ApprovalReasonResponse(r.PoolId, r.Resource, r.Requested, r.Threshold)).ToList(),
        d.PlacementJson is null ? null : System.Text.Json.JsonDocument.Parse(d.PlacementJson).RootElement.Clone());

    public static AllocationResponse Allocation(AllocationView a)
    {
        var (idleSince, reclaimAt, elastic) = ElasticEndpoints.Fields(a.Elastic);
        return new(
            a.Id, a.Tenant, a.Pool, Map(a.Resources), a.Constraints, a.Priority, a.Status.ToString(), Decision(a.Decision),
            a.History.Select(e => new EventResponse(e.At, e.Status.ToString(), e.Message, e.By)).ToList(), a.CreatedAt, a.UpdatedAt,
            idleSince, reclaimAt, elastic);
    }

    public static AllocationSummaryResponse Summary(AllocationSummary s) =>
        new(s.Id, s.Tenant, s.Status.ToString(), Map(s.Resources), s.Priority, s.CreatedAt, s.UpdatedAt);

    public static KeyResponse Key(ApiKeyView k) =>
        new(k.Id, k.Name, k.Role.ToString().ToLowerInvariant(), k.Tenant, k.CreatedAt, k.RevokedAt);
}
