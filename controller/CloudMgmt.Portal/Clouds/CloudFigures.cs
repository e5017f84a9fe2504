using CloudMgmt.Application.Clouds;

namespace CloudMgmt.Portal.Clouds;

/// <summary>What the console derives from a cloud as the API shows it: its state in a word, and its shares.</summary>
public static class CloudFigures
{
    /// <summary>"drained", "unhealthy", "unknown" (never inventoried yet) or "healthy": what a person looks at first.</summary>
    public static string State(CloudResponse cloud) =>
        cloud.Health is not { } health ? "unknown" : !health.Healthy ? "unhealthy" : cloud.Drained ? "drained" : "healthy";

    /// <summary>Whether the cloud needs someone's attention: unhealthy, never inventoried, or its breaker not closed.</summary>
    public static bool NeedsAttention(CloudResponse cloud, string? breaker) =>
        cloud.Health is not { Healthy: true } || breaker is "open" or "half-open";

    /// <summary>Granted over capacity for one resource; null without capacity.</summary>
    public static double? GrantedShare(CloudResponse cloud, string resource) =>
        cloud.Capacity.GetValueOrDefault(resource) is > 0 and var capacity ? (double)cloud.Granted.GetValueOrDefault(resource) / capacity : null;

    /// <summary>Used over granted for one resource (the cloud's efficiency); null when nothing is granted.</summary>
    public static double? Efficiency(CloudResponse cloud, string resource) =>
        cloud.Granted.GetValueOrDefault(resource) is > 0 and var granted ? (double)cloud.Used.GetValueOrDefault(resource) / granted : null;

    /// <summary>The zones ordered as people read them: by zone, then architecture.</summary>
    public static IReadOnlyList<ZoneResponse> Zones(CloudResponse cloud) =>
        cloud.Zones.OrderBy(z => z.Zone, StringComparer.Ordinal).ThenBy(z => z.Architecture, StringComparer.Ordinal).ToList();
}
