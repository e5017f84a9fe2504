using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Policies.Model;

/// <summary>A cloud as placement sees it: where it is, what it is, and what it has free.</summary>
public sealed record PlacementCandidate(
    string CloudId,
    string Kind,
    string Region,
    IReadOnlyDictionary<string, string> Labels,
    ResourceVector Capacity,
    ResourceVector Granted,
    bool Healthy,
    bool Drained,
    IReadOnlyDictionary<string, decimal> UnitCost)
{
    public ResourceVector Free => Capacity.SaturatingSubtract(Granted);

    public string? Label(string name) => Labels.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// What is to be placed. <paramref name="Constraints"/> are the request's own: <c>region</c>
/// (comma-separated), <c>minSecurityLevel</c>, <c>architecture</c>, <c>xinchuang</c>, <c>sector</c>,
/// <c>nearRegion</c> (a locality hint).
/// </summary>
public sealed record PlacementRequest(
    string Tenant, IReadOnlyList<string> PoolPath, ResourceVector Resources, IReadOnlyDictionary<string, string> Constraints, int Spread = 1)
{
    public string? Constraint(string name) => Constraints.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}

/// <summary>One filter's verdict on one cloud; <see cref="Reason"/> says why it failed, in an operator's words.</summary>
public sealed record FilterVerdict(string Filter, bool Passed, string? Reason)
{
    public static FilterVerdict Pass(string filter) => new(filter, true, null);

    public static FilterVerdict Fail(string filter, string reason) => new(filter, false, reason);
}

/// <summary>Everything placement found out about one cloud.</summary>
public sealed record CloudEvaluation(
    string CloudId, IReadOnlyList<FilterVerdict> Verdicts, IReadOnlyDictionary<string, double> Scores, double Total)
{
    public bool Eligible => Verdicts.All(v => v.Passed);
}

/// <summary>A part of the request placed on one cloud.</summary>
public sealed record PlacementShare(string CloudId, ResourceVector Resources);

/// <summary>
/// The decision. Complete (every cloud's verdicts in <see cref="Clouds"/>) for dry-runs, refusals and the
/// explain endpoint; an allocation keeps the bounded form (<see cref="PlacementDecisions.Bounded"/>).
/// </summary>
/// <param name="CloudsEvaluated">How many clouds were evaluated (0 in decisions stored before it was counted).</param>
/// <param name="RefusedBy">Each filter that refused a cloud, with how many clouds it refused (a cloud refused by two filters counts in both).</param>
/// <param name="Complete"><see cref="Clouds"/> lists every cloud evaluated; false when only the chosen and the next candidates are kept.</param>
public sealed record PlacementDecision(
    bool Placed, string PolicyName, IReadOnlyList<PlacementShare> Shares, IReadOnlyList<CloudEvaluation> Clouds, string? Reason,
    int CloudsEvaluated = 0, IReadOnlyDictionary<string, int>? RefusedBy = null, bool Complete = true);
