namespace CloudMgmt.Client.Models;

/// <summary>A request for capacity.</summary>
public sealed record NewAllocation
{
    /// <summary>The tenant it is for; a department key may leave it out (its own tenant).</summary>
    public string? Tenant { get; init; }

    /// <summary>What it asks for, e.g. vcpu = 16, memoryGiB = 64.</summary>
    public required IReadOnlyDictionary<string, long> Resources { get; init; }

    /// <summary>Where it may go, e.g. xinchuang = "true", securityLevel = "3".</summary>
    public IReadOnlyDictionary<string, string>? Constraints { get; init; }

    /// <summary>-1000 to 1000; higher goes first.</summary>
    public int? Priority { get; init; }
}

/// <summary>A new size for an allocation.</summary>
public sealed record AllocationResize
{
    /// <summary>The new amounts.</summary>
    public required IReadOnlyDictionary<string, long> Resources { get; init; }
}

/// <summary>The reason an operator gives for approving or rejecting a request.</summary>
public sealed record DecisionNote
{
    /// <summary>Why, e.g. "plan 2026-17".</summary>
    public string? Reason { get; init; }
}

/// <summary>A pool short of a resource.</summary>
/// <param name="Pool">The pool.</param>
/// <param name="Resource">The resource.</param>
/// <param name="Requested">What was asked.</param>
/// <param name="Available">What the pool had.</param>
/// <param name="Short">By how much it fell short.</param>
public sealed record Shortfall(string Pool, string Resource, long Requested, long Available, long Short);

/// <summary>A pool's approval threshold that a request crossed.</summary>
/// <param name="Pool">The pool.</param>
/// <param name="Resource">The resource.</param>
/// <param name="Requested">What was asked.</param>
/// <param name="Threshold">The threshold.</param>
public sealed record ApprovalReason(string Pool, string Resource, long Requested, long Threshold);

/// <summary>Why a request was admitted, held or refused, and where it goes.</summary>
/// <param name="Fits">Every pool on the path had room.</param>
/// <param name="NeedsApproval">A threshold was crossed.</param>
/// <param name="Path">The pools from the tenant's to the root.</param>
/// <param name="Shortfalls">Who was short of what.</param>
/// <param name="ApprovalReasons">The thresholds crossed.</param>
/// <param name="Placement">Every filter's verdict per cloud, the scores and the choice; null with no cloud registered.</param>
public sealed record Decision(
    bool Fits, bool NeedsApproval, IReadOnlyList<string> Path, IReadOnlyList<Shortfall> Shortfalls,
    IReadOnlyList<ApprovalReason> ApprovalReasons, Placement? Placement);

/// <summary>Where placement put (or would put) a request, and why.</summary>
/// <param name="Placed">A cloud (or several, with spread) holds it.</param>
/// <param name="PolicyName">The placement policy that decided.</param>
/// <param name="Shares">What each chosen cloud holds.</param>
/// <param name="Clouds">When <paramref name="Complete"/>, every registered cloud with its verdicts and scores; in the decision an
/// allocation keeps, the chosen cloud(s) and the next few candidates (<see cref="Resources.AllocationsClient.ExplainPlacementAsync"/> gives the rest).</param>
/// <param name="Reason">Why it was not placed, when it was not.</param>
/// <param name="CloudsEvaluated">How many clouds were evaluated.</param>
/// <param name="RefusedBy">Each filter that refused a cloud, with how many it refused.</param>
/// <param name="Complete">Clouds lists every cloud evaluated.</param>
public sealed record Placement(
    bool Placed, string PolicyName, IReadOnlyList<PlacementShare> Shares, IReadOnlyList<CloudEvaluation> Clouds, string? Reason,
    int CloudsEvaluated, IReadOnlyDictionary<string, int> RefusedBy, bool Complete);

/// <summary>Why an allocation is where it is (<c>GET /api/v1/allocations/{id}/placement</c>).</summary>
/// <param name="Allocation">The allocation.</param>
/// <param name="Status">Its status.</param>
/// <param name="Recomputed">Always true: <paramref name="Current"/> was computed for the answer against the clouds as they are now.</param>
/// <param name="ComputedAt">When.</param>
/// <param name="Note">The same, in words.</param>
/// <param name="Decided">The bounded decision the allocation keeps.</param>
/// <param name="Current">Every cloud's verdicts now; null with no cloud registered.</param>
public sealed record PlacementExplanation(
    string Allocation, string Status, bool Recomputed, DateTimeOffset ComputedAt, string Note, Placement? Decided, Placement? Current);

/// <summary>A part of a request on one cloud.</summary>
/// <param name="CloudId">The cloud.</param>
/// <param name="Resources">What it holds there, e.g. vcpu = 16, memoryGiB = 64.</param>
public sealed record PlacementShare(string CloudId, IReadOnlyDictionary<string, long> Resources);

/// <summary>What placement found out about one cloud.</summary>
/// <param name="CloudId">The cloud.</param>
/// <param name="Verdicts">Every filter's verdict.</param>
/// <param name="Scores">Each scorer's score (eligible clouds only).</param>
/// <param name="Total">The weighted total.</param>
/// <param name="Eligible">Every filter passed.</param>
public sealed record CloudEvaluation(
    string CloudId, IReadOnlyList<FilterVerdict> Verdicts, IReadOnlyDictionary<string, double> Scores, double Total, bool Eligible);

/// <summary>One filter's verdict on one cloud.</summary>
/// <param name="Filter">capacity, region, architecture, ...</param>
/// <param name="Passed">It let the cloud through.</param>
/// <param name="Reason">Why not.</param>
public sealed record FilterVerdict(string Filter, bool Passed, string? Reason);

/// <summary>A cloud that cannot hold a request, and why (the verdicts of a 409 unplaceable).</summary>
/// <param name="Cloud">The cloud.</param>
/// <param name="Reasons">Each refusing filter with its reason ("capacity: ...").</param>
public sealed record CloudRefusal(string Cloud, IReadOnlyList<string> Reasons);

/// <summary>What a request would become (<c>?dryRun=true</c>); nothing was changed.</summary>
/// <param name="DryRun">Always true.</param>
/// <param name="WouldBeAdmitted">It fits.</param>
/// <param name="WouldBe">The status it would reach: Placed, Admitted, PendingApproval, Failed or Rejected.</param>
/// <param name="Decision">The decision.</param>
public sealed record DryRunResult(bool DryRun, bool WouldBeAdmitted, string WouldBe, Decision Decision);

/// <summary>A step in an allocation's history.</summary>
/// <param name="At">When.</param>
/// <param name="Status">The status it reached.</param>
/// <param name="Message">What happened.</param>
/// <param name="By">The key that did it, when a person or system did.</param>
public sealed record AllocationEvent(DateTimeOffset At, string Status, string Message, string? By);

/// <summary>An allocation with its decision and history.</summary>
/// <param name="Id">alloc-…</param>
/// <param name="Tenant">Its tenant.</param>
/// <param name="Pool">The tenant's pool.</param>
/// <param name="Resources">What it holds.</param>
/// <param name="Constraints">Where it may go.</param>
/// <param name="Priority">Its priority.</param>
/// <param name="Status">See <see cref="AllocationStatuses"/>.</param>
/// <param name="Decision">The admission and placement decision.</param>
/// <param name="History">What happened to it, oldest first.</param>
/// <param name="CreatedAt">When it was requested.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="IdleSince">Since when its grant has been idle, if it is.</param>
/// <param name="ReclaimAt">When it will be reclaimed for idling; null when protected or not idle.</param>
/// <param name="Elastic">Its elastic state.</param>
public sealed record Allocation(
    string Id, string Tenant, string Pool, IReadOnlyDictionary<string, long> Resources,
    IReadOnlyDictionary<string, string> Constraints, int Priority, string Status, Decision Decision,
    IReadOnlyList<AllocationEvent> History, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? IdleSince, DateTimeOffset? ReclaimAt, ElasticState? Elastic);

/// <summary>An allocation as listed.</summary>
/// <param name="Id">alloc-…</param>
/// <param name="Tenant">Its tenant.</param>
/// <param name="Status">See <see cref="AllocationStatuses"/>.</param>
/// <param name="Resources">What it holds.</param>
/// <param name="Priority">Its priority.</param>
/// <param name="CreatedAt">When it was requested.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record AllocationSummary(
    string Id, string Tenant, string Status, IReadOnlyDictionary<string, long> Resources, int Priority,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Which allocations to list.</summary>
public sealed record AllocationFilter
{
    /// <summary>One tenant's only.</summary>
    public string? Tenant { get; init; }

    /// <summary>In this status only (see <see cref="AllocationStatuses"/>).</summary>
    public string? Status { get; init; }

    /// <summary>How many per page (1-500; the server's default is 50).</summary>
    public int? PageSize { get; init; }
}

/// <summary>The statuses an allocation goes through.</summary>
public static class AllocationStatuses
{
    /// <summary>Accepted; its reservation is being made.</summary>
    public const string Pending = "Pending";

    /// <summary>Waits for an operator.</summary>
    public const string PendingApproval = "PendingApproval";

    /// <summary>Quota reserved; no cloud chosen (none registered).</summary>
    public const string Admitted = "Admitted";

    /// <summary>A cloud holds room for it.</summary>
    public const string Placed = "Placed";

    /// <summary>The grant is being made.</summary>
    public const string Provisioning = "Provisioning";

    /// <summary>The grant exists on the cloud.</summary>
    public const string Ready = "Ready";

    /// <summary>Its new size is being applied.</summary>
    public const string Resizing = "Resizing";

    /// <summary>The grant is being removed.</summary>
    public const string Releasing = "Releasing";

    /// <summary>Given back. Final.</summary>
    public const string Released = "Released";

    /// <summary>Refused. Final.</summary>
    public const string Rejected = "Rejected";

    /// <summary>Could not be placed or provisioned. Final.</summary>
    public const string Failed = "Failed";

    /// <summary>True for a status nothing changes any more.</summary>
    public static bool IsFinal(string status) => status is Released or Rejected or Failed;
}
