using CloudMgmt.Domain.Resources;
using CloudMgmt.Policies.Model;

namespace CloudMgmt.Policies.Scorers;

/// <summary>Scores an eligible cloud from 0 (worst) to 100 (best). Chosen by <see cref="Name"/> from the policy.</summary>
internal interface IPlacementScorer
{
    string Name { get; }

    double Score(PlacementRequest request, PlacementCandidate cloud, ResourceVector share, IReadOnlyList<PlacementCandidate> eligible);
}

internal static class PlacementScorers
{
    public static readonly IReadOnlyDictionary<string, IPlacementScorer> ByName = new IPlacementScorer[]
    {
        new BinPackScorer(), new SpreadScorer(), new CostScorer(), new LocalityScorer(),
    }.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>How full the cloud would be after taking the share, averaged over the requested resources, 0 to 1.</summary>
    public static double FillAfter(PlacementCandidate cloud, ResourceVector share) => share.Names.Any()
        ? share.Names.Average(r => cloud.Capacity[r] == 0 ? 1.0 : Math.Min(1.0, (double)(cloud.Granted[r] + share[r]) / cloud.Capacity[r]))
        : 0;
}

/// <summary>Prefers the fuller cloud, so that whole clouds stay free for large requests.</summary>
internal sealed class BinPackScorer : IPlacementScorer
{
    public string Name => "binpack";

    public double Score(PlacementRequest request, PlacementCandidate cloud, ResourceVector share, IReadOnlyList<PlacementCandidate> eligible) =>
        100 * PlacementScorers.FillAfter(cloud, share);
}

/// <summary>Prefers the emptier cloud, so that load and risk are spread.</summary>
internal sealed class SpreadScorer : IPlacementScorer
{
    public string Name => "spread";

    public double Score(PlacementRequest request, PlacementCandidate cloud, ResourceVector share, IReadOnlyList<PlacementCandidate> eligible) =>
        100 * (1 - PlacementScorers.FillAfter(cloud, share));
}

/// <summary>Prefers the cheaper cloud: 100 for the cheapest eligible one, less in proportion for dearer ones.</summary>
internal sealed class CostScorer : IPlacementScorer
{
    public string Name => "cost";

    public double Score(PlacementRequest request, PlacementCandidate cloud, ResourceVector share, IReadOnlyList<PlacementCandidate> eligible)
    {
        var cost = Cost(cloud, share);
        var cheapest = eligible.Min(c => Cost(c, share));
        return cost == 0 ? 100 : (double)(100 * cheapest / cost);
    }

    private static decimal Cost(PlacementCandidate cloud, ResourceVector share) =>
        share.Entries.Sum(e => e.Value * cloud.UnitCost.GetValueOrDefault(e.Key));
}

/// <summary>Prefers a cloud in the region the request says it is near (<c>nearRegion</c>).</summary>
internal sealed class LocalityScorer : IPlacementScorer
{
    public string Name => "locality";

    public double Score(PlacementRequest request, PlacementCandidate cloud, ResourceVector share, IReadOnlyList<PlacementCandidate> eligible) =>
        request.Constraint("nearRegion") is { } near && string.Equals(near, cloud.Region, StringComparison.Ordinal) ? 100 : 0;
}
