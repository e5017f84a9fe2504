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
    /// <param name="ownHolds">Room the request already holds, per cloud, counted as free (to explain a placed allocation as if it held nothing).</param>
    public static async Task<PlacementDecision?> PlaceAsync(
        IGrainFactory grains, PlacementPolicySource policy, string tenant, IReadOnlyList<string> path, ResourceVector resources,
        IReadOnlyDictionary<string, string> constraints, IReadOnlyDictionary<string, ResourceVector>? ownHolds = null)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var ids = await grains.GetGrain<ICloudDirectoryGrain>(CloudDirectoryGrain.Key).List();
        if (ids.Count == 0)
        {
            return null;
        }

        var views = (await Task.WhenAll(ids.Select(id => grains.GetGrain<ICloudGrain>(id).Get()))).OfType<CloudView>()
            .Select(v => ownHolds?.GetValueOrDefault(v.Spec.Id) is { } own ? v with { Reserved = v.Reserved.SaturatingSubtract(own) } : v);
        var spread = int.TryParse(constraints.GetValueOrDefault("spread"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        var request = new PlacementRequest(tenant, path, resources, constraints, Math.Max(1, spread));
        var decision = PlacementEngine.Place(request, views.Select(Candidate).ToList(), policy.Current);
        Seconds.Observe(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        return decision;
    }

    public static string ToJson(PlacementDecision decision) => JsonSerializer.Serialize(decision, Json);

    /// <summary>The bounded form an allocation keeps (<see cref="PlacementDecisions.Bounded"/>).</summary>
    public static string ToStoredJson(PlacementDecision decision) => ToJson(PlacementDecisions.Bounded(decision));

    /// <summary>
    /// A decision stored before decisions were bounded holds every cloud's verdicts: true when
    /// <paramref name="json"/> is one (a cheap test before any parse; bounded ones say "complete":false).
    /// </summary>
    public static bool IsCompleteTable(string? json) => json is not null && !json.Contains("\"complete\":false", StringComparison.Ordinal);

    /// <summary>A stored decision in its bounded form, whichever form it was stored in.</summary>
    public static string Bound(string json) =>
        JsonSerializer.Deserialize<PlacementDecision>(json, Json) is { } decision ? ToStoredJson(decision) : json;

    private static PlacementCandidate Candidate(CloudView v) => new(
        v.Spec.Id, v.Spec.Kind, v.Spec.Region, v.Spec.Labels, v.Capacity, v.Reserved,
        v.Inventory is { Healthy: true }, v.Drained,
        v.Spec.Settings.Where(s => s.Key.StartsWith("cost.", StringComparison.Ordinal))
            .ToDictionary(s => s.Key["cost.".Length..], s => decimal.TryParse(s.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var c) ? c : 0m));
}
