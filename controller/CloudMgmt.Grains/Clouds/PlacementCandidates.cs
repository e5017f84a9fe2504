using System.Globalization;
using System.Text.Json;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Policies;
using CloudMgmt.Policies.Model;

namespace CloudMgmt.Grains.Clouds;

/// <summary>Builds placement's view of the registered clouds from their grains, and runs the engine.</summary>
internal static class PlacementCandidates
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Time to place one request: reading the clouds' views and running the policy (deploy/prometheus/METRICS.md).</summary>
    private static readonly Prometheus.Histogram Seconds = Prometheus.Metrics.CreateHistogram("cloudmgmt_placement_duration_seconds",
        "Time to place one allocation request: the clouds' views read and the placement policy run.",
        new Prometheus.HistogramConfiguration { Buckets = Prometheus.Histogram.ExponentialBuckets(0.0001, 2, 16) });

    /// <summary>Null when no cloud is registered: the controller then only keeps quota.</summary>
    public static async Task<PlacementDecision?> PlaceAsync(
        IGrainFactory grains, PlacementPolicySource policy, string tenant, IReadOnlyList<string> path, ResourceVector resources,
        IReadOnlyDictionary<string, string> constraints)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var ids = await grains.GetGrain<ICloudDirectoryGrain>(CloudDirectoryGrain.Key).List();
        if (ids.Count == 0)
        {
            return null;
        }

        var views = (await Task.WhenAll(ids.Select(id => grains.GetGrain<ICloudGrain>(id).Get()))).OfType<CloudView>();
        var spread = int.TryParse(constraints.GetValueOrDefault("spread"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        var request = new PlacementRequest(tenant, path, resources, constraints, Math.Max(1, spread));
        var decision = PlacementEngine.Place(request, views.Select(Candidate).ToList(), policy.Current);
        Seconds.Observe(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        return decision;
    }

    public static string ToJson(PlacementDecision decision) => JsonSerializer.Serialize(decision, Json);

    private static PlacementCandidate Candidate(CloudView v) => new(
        v.Spec.Id, v.Spec.Kind, v.Spec.Region, v.Spec.Labels, v.Capacity, v.Reserved,
        v.Inventory is { Healthy: true }, v.Drained,
        v.Spec.Settings.Where(s => s.Key.StartsWith("cost.", StringComparison.Ordinal))
            .ToDictionary(s => s.Key["cost.".Length..], s => decimal.TryParse(s.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var c) ? c : 0m));
}
