using CloudMgmt.Domain.Resources;
using CloudMgmt.Policies.Filters;
using CloudMgmt.Policies.Model;
using CloudMgmt.Policies.Scorers;

namespace CloudMgmt.Policies;

/// <summary>
/// Filter, then score, then choose: pure, deterministic (ties go to the lower cloud id), and it
/// explains itself: every filter's verdict on every cloud and every score end up in the decision.
/// </summary>
public static class PlacementEngine
{
    public static PlacementDecision Place(PlacementRequest request, IReadOnlyList<PlacementCandidate> clouds, PlacementPolicy policy)
    {
        var shares = Split(request.Resources, Math.Max(1, request.Spread));
        var verdicts = clouds.OrderBy(c => c.CloudId, StringComparer.Ordinal).Select(c => (Cloud: c, Verdicts: policy.Filters
            .Select(f => PlacementFilters.ByName[f.Name].Check(request, c, shares[0], f.Settings)).ToList())).ToList();
        var eligible = verdicts.Where(v => v.Verdicts.All(x => x.Passed)).Select(v => v.Cloud).ToList();
        var evaluations = verdicts.Select(v => Evaluate(request, v.Cloud, v.Verdicts, shares[0], eligible, policy)).ToList();

        if (eligible.Count < shares.Count)
        {
            var reason = eligible.Count == 0
                ? "no cloud qualifies; each cloud's verdicts say why"
                : $"the request is to be spread over {shares.Count} clouds, but only {eligible.Count} qualify";
            return new PlacementDecision(false, policy.Name, [], evaluations, reason, evaluations.Count, PlacementDecisions.RefusalCounts(evaluations));
        }

        var chosen = evaluations.Where(e => e.Eligible)
            .OrderByDescending(e => e.Total).ThenBy(e => e.CloudId, StringComparer.Ordinal)
            .Take(shares.Count).Select((e, i) => new PlacementShare(e.CloudId, shares[i])).ToList();
        return new PlacementDecision(true, policy.Name, chosen, evaluations, null, evaluations.Count, PlacementDecisions.RefusalCounts(evaluations));
    }

    /// <summary>Splits each resource as evenly as possible over <paramref name="parts"/>; the first parts get the remainders.</summary>
    public static IReadOnlyList<ResourceVector> Split(ResourceVector resources, int parts) => Enumerable.Range(0, parts)
        .Select(i => ResourceVector.From(resources.Entries.Select(e =>
            new KeyValuePair<string, long>(e.Key, (e.Value / parts) + (i < e.Value % parts ? 1 : 0)))))
        .ToList();

    private static CloudEvaluation Evaluate(
        PlacementRequest request, PlacementCandidate cloud, IReadOnlyList<FilterVerdict> verdicts, ResourceVector share,
        IReadOnlyList<PlacementCandidate> eligible, PlacementPolicy policy)
    {
        if (!verdicts.All(v => v.Passed))
        {
            return new CloudEvaluation(cloud.CloudId, verdicts, new Dictionary<string, double>(), 0);
        }

        var scores = policy.Scorers.ToDictionary(s => s.Name,
            s => Math.Round(PlacementScorers.ByName[s.Name].Score(request, cloud, share, eligible), 2), StringComparer.Ordinal);
        var weights = policy.Scorers.Sum(s => s.Weight);
        var total = weights == 0 ? 0 : policy.Scorers.Sum(s => s.Weight * scores[s.Name]) / weights;
        return new CloudEvaluation(cloud.CloudId, verdicts, scores, Math.Round(total, 2));
    }
}
