using System.ComponentModel.DataAnnotations;
using CloudMgmt.Application.Elastic;
using CloudMgmt.Application.Pools;
using CloudMgmt.Domain.Quota;
using CloudMgmt.Grains.Allocations;
using CloudMgmt.Grains.Tenants;

namespace CloudMgmt.Application.Allocations;

/// <summary>A request for capacity.</summary>
/// <param name="Constraints">Where it may go: region (comma-separated), minSecurityLevel, architecture, xinchuang, sector, nearRegion, spread.
/// An architecture may be given by any of its names (arm64 or aarch64, amd64 or x86_64, any case) and is kept by its canonical one
/// (aarch64, x86_64, loongarch64, mips64el, sw_64, riscv64, ppc64le, s390x); another name is refused (400, constraints.architecture).</param>
public sealed record CreateAllocationRequest(
    string? Tenant, Dictionary<string, long>? Resources, Dictionary<string, string>? Constraints, int? Priority);

/// <summary>A JSON merge patch (RFC 7396) of an allocation's resources.</summary>
/// <param name="Resources">Each amount given replaces that resource's amount; null removes the resource; a resource not named keeps its amount.</param>
public sealed record ResizeAllocationRequest(Dictionary<string, long?>? Resources);

public sealed record DecisionNoteRequest([property: MaxLength(TextRules.NoteMax)] string? Reason);

public sealed record ShortfallResponse(string Pool, string Resource, long Requested, long Available, long Short)
{
    public static ShortfallResponse From(Shortfall s) => new(s.PoolId, s.Resource, s.Requested, s.Available, s.Short);
}

public sealed record ApprovalReasonResponse(string Pool, string Resource, long Requested, long Threshold);

/// <param name="Placement">Where it goes: every filter's verdict per cloud, the scores and the choice (null with no cloud registered).</param>
public sealed record DecisionResponse(
    bool Fits, bool NeedsApproval, IReadOnlyList<string> Path, IReadOnlyList<ShortfallResponse> Shortfalls,
    IReadOnlyList<ApprovalReasonResponse> ApprovalReasons, PlacementResponse? Placement)
{
    public static DecisionResponse From(AdmissionDecision d) => new(
        d.Fits, d.NeedsApproval, d.Path, d.Shortfalls.Select(ShortfallResponse.From).ToList(),
        d.ApprovalReasons.Select(r => new ApprovalReasonResponse(r.PoolId, r.Resource, r.Requested, r.Threshold)).ToList(),
        PlacementResponse.Parse(d.PlacementJson));
}

public sealed record DryRunResponse(bool DryRun, bool WouldBeAdmitted, string WouldBe, DecisionResponse Decision);

/// <param name="By">Who: "key:key-1a2b", "oidc:wang.li", "system:reconciler", "system:elastic".</param>
public sealed record EventResponse(DateTimeOffset At, string Status, string Message, string? By);

public sealed record AllocationResponse(
    string Id, string Tenant, string Pool, IReadOnlyDictionary<string, long> Resources,
    IReadOnlyDictionary<string, string> Constraints, int Priority, string Status, DecisionResponse Decision,
    IReadOnlyList<EventResponse> History, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? IdleSince = null, DateTimeOffset? ReclaimAt = null, ElasticResponse? Elastic = null)
{
    public static AllocationResponse From(AllocationView a)
    {
        var (idleSince, reclaimAt, elastic) = ElasticResponse.Fields(a.Elastic);
        return new(
            a.Id, a.Tenant, a.Pool, PoolResponse.Map(a.Resources), a.Constraints, a.Priority, a.Status.ToString(), DecisionResponse.From(a.Decision),
            a.History.Select(e => new EventResponse(e.At, e.Status.ToString(), e.Message, e.By)).ToList(), a.CreatedAt, a.UpdatedAt,
            idleSince, reclaimAt, elastic);
    }
}

public sealed record AllocationSummaryResponse(
    string Id, string Tenant, string Status, IReadOnlyDictionary<string, long> Resources, int Priority,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static AllocationSummaryResponse From(AllocationSummary s) =>
        new(s.Id, s.Tenant, s.Status.ToString(), PoolResponse.Map(s.Resources), s.Priority, s.CreatedAt, s.UpdatedAt);
}

public sealed record PageResponse<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>The list filters: ?tenant=&status=&limit=&after=.</summary>
public sealed record AllocationFilter(string? Tenant, string? Status, int? Limit, string? After);
