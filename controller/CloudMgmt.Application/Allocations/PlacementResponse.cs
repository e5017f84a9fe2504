using System.Text.Json;

namespace CloudMgmt.Application.Allocations;

/// <summary>Where placement put (or would put) a request, and why: every filter's verdict per cloud, the scores and the choice.</summary>
/// <param name="Placed">A cloud (or several, with spread) holds it.</param>
/// <param name="PolicyName">The placement policy that decided.</param>
/// <param name="Shares">What each chosen cloud holds, as resource name to amount.</param>
/// <param name="Clouds">When complete, every registered cloud with its verdicts and scores; in the decision an allocation keeps,
/// only the chosen cloud(s) and the next few candidates by score (their verdicts, all passed, left out). GET
/// /api/v1/allocations/{id}/placement recomputes the complete table.</param>
/// <param name="Reason">Why it was not placed, when it was not.</param>
/// <param name="CloudsEvaluated">How many clouds were evaluated (0 for a decision kept from before this was counted).</param>
/// <param name="RefusedBy">Each filter that refused a cloud, with how many it refused (a cloud refused by two filters counts in both).</param>
/// <param name="Complete">Clouds lists every cloud evaluated (dry-run, refusal, explain); false in the bounded decision an allocation keeps.</param>
public sealed record PlacementResponse(
    bool Placed, string PolicyName, IReadOnlyList<PlacementShareResponse> Shares, IReadOnlyList<CloudEvaluationResponse> Clouds, string? Reason,
    int CloudsEvaluated, IReadOnlyDictionary<string, int> RefusedBy, bool Complete)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>From the decision's JSON as the grains keep it; null when there is none (no cloud registered).</summary>
    public static PlacementResponse? Parse(string? json) =>
        string.IsNullOrEmpty(json) ? null
        : JsonSerializer.Deserialize<Stored>(json, Json) is { } d
            ? new PlacementResponse(d.Placed, d.PolicyName, d.Shares, d.Clouds, d.Reason, d.CloudsEvaluated,
                d.RefusedBy ?? new SortedDictionary<string, int>(StringComparer.Ordinal), d.Complete ?? true)
            : null;

    /// <summary>Each cloud that refused, with the reasons its filters gave (the verdicts a 409 for an unplaceable request carries).</summary>
    public IReadOnlyList<CloudRefusalResponse> Refusals() =>
        Clouds.Where(c => !c.Eligible)
            .Select(c => new CloudRefusalResponse(c.CloudId, c.Verdicts.Where(v => !v.Passed).Select(v => $"{v.Filter}: {v.Reason}").ToList()))
            .ToList();
}

/// <param name="CloudId">The cloud.</param>
/// <param name="Resources">What it holds of the request, as resource name to amount ({"vcpu":16,"memoryGiB":64}).</param>
public sealed record PlacementShareResponse(string CloudId, IReadOnlyDictionary<string, long> Resources);

/// <param name="CloudId">The cloud.</param>
/// <param name="Verdicts">Every filter's verdict.</param>
/// <param name="Scores">Each scorer's score (eligible clouds only).</param>
/// <param name="Total">The weighted total of the scores.</param>
/// <param name="Eligible">Every filter passed.</param>
public sealed record CloudEvaluationResponse(
    string CloudId, IReadOnlyList<FilterVerdictResponse> Verdicts, IReadOnlyDictionary<string, double> Scores, double Total, bool Eligible);

/// <param name="Filter">The filter (capacity, region, architecture, ...).</param>
/// <param name="Passed">It let the cloud through.</param>
/// <param name="Reason">Why not, in an operator's words.</param>
public sealed record FilterVerdictResponse(string Filter, bool Passed, string? Reason);

/// <summary>One cloud that cannot hold a request, and why.</summary>
/// <param name="Cloud">The cloud.</param>
/// <param name="Reasons">Each refusing filter with its reason ("capacity: ...").</param>
public sealed record CloudRefusalResponse(string Cloud, IReadOnlyList<string> Reasons);

/// <summary>A decision as the grains keep it; fields added later are missing from older ones.</summary>
internal sealed record Stored(
    bool Placed, string PolicyName, IReadOnlyList<PlacementShareResponse> Shares, IReadOnlyList<CloudEvaluationResponse> Clouds, string? Reason,
    int CloudsEvaluated, IReadOnlyDictionary<string, int>? RefusedBy, bool? Complete);

/// <summary>Why an allocation is where it is: the decision it keeps, and the complete decision placement would take now.</summary>
/// <param name="Allocation">The allocation.</param>
/// <param name="Status">Its status.</param>
/// <param name="Recomputed">Always true: <c>current</c> was computed for this answer, against the clouds' views as they are now,
/// with the allocation's own holds counted as free; it may differ from the decision the allocation was placed by.</param>
/// <param name="ComputedAt">When <c>current</c> was computed.</param>
/// <param name="Note">The same, in words.</param>
/// <param name="Decided">The decision the allocation keeps (bounded: the chosen cloud(s), the next candidates, the refusal counts); null with no cloud registered then.</param>
/// <param name="Current">Every registered cloud's verdicts and scores now; null with no cloud registered.</param>
public sealed record PlacementExplanationResponse(
    string Allocation, string Status, bool Recomputed, DateTimeOffset ComputedAt, string Note, PlacementResponse? Decided, PlacementResponse? Current);
