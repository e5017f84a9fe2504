using System.Text.Json;

namespace CloudMgmt.Application.Allocations;

/// <summary>Where placement put (or would put) a request, and why: every filter's verdict per cloud, the scores and the choice.</summary>
/// <param name="Placed">A cloud (or several, with spread) holds it.</param>
/// <param name="PolicyName">The placement policy that decided.</param>
/// <param name="Shares">What each chosen cloud holds, as resource name to amount.</param>
/// <param name="Clouds">Every registered cloud with its verdicts and scores.</param>
/// <param name="Reason">Why it was not placed, when it was not.</param>
public sealed record PlacementResponse(
    bool Placed, string PolicyName, IReadOnlyList<PlacementShareResponse> Shares, IReadOnlyList<CloudEvaluationResponse> Clouds, string? Reason)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>From the decision's JSON as the grains keep it; null when there is none (no cloud registered).</summary>
    public static PlacementResponse? Parse(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<PlacementResponse>(json, Json);

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
