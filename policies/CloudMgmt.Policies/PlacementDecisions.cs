using CloudMgmt.Policies.Model;

namespace CloudMgmt.Policies;

/// <summary>
/// The bounded form of a decision that an allocation keeps: what was chosen and why, in a size that does
/// not grow with the number of clouds. The complete table (every cloud's verdicts) is computed again on
/// demand (dry-run, refusal, explain), so it is never stored.
/// </summary>
public static class PlacementDecisions
{
    /// <summary>How many eligible clouds after the chosen ones a bounded decision keeps, with their scores.</summary>
    public const int RunnersUp = 3;

    /// <summary>
    /// The chosen clouds and the next <paramref name="runnersUp"/> eligible ones (best total first; their
    /// verdicts all passed and are left out), with the counts per refusing filter. Idempotent.
    /// </summary>
    public static PlacementDecision Bounded(PlacementDecision decision, int runnersUp = RunnersUp)
    {
        if (!decision.Complete)
        {
            return decision;
        }

        var chosen = decision.Shares.Select(s => s.CloudId).ToHashSet(StringComparer.Ordinal);
        var next = decision.Clouds.Where(c => c.Eligible && !chosen.Contains(c.CloudId))
            .OrderByDescending(c => c.Total).ThenBy(c => c.CloudId, StringComparer.Ordinal).Take(runnersUp);
        var kept = decision.Clouds.Where(c => chosen.Contains(c.CloudId)).Concat(next)
            .Select(c => c.Eligible ? c with { Verdicts = [] } : c)
            .ToList();
        return decision with
        {
            Clouds = kept,
            CloudsEvaluated = decision.Clouds.Count,
            RefusedBy = RefusalCounts(decision.Clouds),
            Complete = false,
        };
    }

    /// <summary>Each filter that refused at least one cloud, with how many it refused (ordinal order of names).</summary>
    public static IReadOnlyDictionary<string, int> RefusalCounts(IEnumerable<CloudEvaluation> clouds) =>
        new SortedDictionary<string, int>(clouds.SelectMany(c => c.Verdicts).Where(v => !v.Passed)
            .GroupBy(v => v.Filter, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), StringComparer.Ordinal);
}
