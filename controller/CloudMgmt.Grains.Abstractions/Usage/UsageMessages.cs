using CloudMgmt.Domain.Elastic;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Grains.Usage;

/// <summary>One grant as a reconcile pass saw it: its size on the cloud and how much of it is used.</summary>
[GenerateSerializer, Immutable]
public sealed record GrantUsageSample(string AllocationId, string Tenant, string Pool, ResourceVector Granted, ResourceVector Used);

/// <summary>Everything one reconcile pass observed on one cloud, at one time.</summary>
[GenerateSerializer, Immutable]
public sealed record UsageSnapshot(DateTimeOffset At, IReadOnlyList<GrantUsageSample> Grants);

/// <summary>
/// What the usage grain keeps of one grant for the elastic policy (see <see cref="ElasticWindows"/>):
/// the thresholds its runs are kept against (null until the elastic pass has said them), and the runs.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record GrantWindows(
    string AllocationId, string Tenant, string Pool, ElasticThresholds? Thresholds, DateTimeOffset StartedAt, DateTimeOffset? FirstAt, DateTimeOffset? LastAt,
    IReadOnlyList<KeyValuePair<string, ResourceRuns>> Resources)
{
    public ElasticWindows? Restore() => Thresholds is null ? null : ElasticWindows.Restore(Thresholds, StartedAt, FirstAt, LastAt, Resources);
}

/// <summary>Keep a grant's windows against these thresholds, from <paramref name="RestartAt"/> (after an elastic resize, or new thresholds).</summary>
[GenerateSerializer, Immutable]
public sealed record WindowsRequest(string AllocationId, ElasticThresholds Thresholds, DateTimeOffset RestartAt);

/// <summary>Capacity the elastic controller took back from an idle grant.</summary>
[GenerateSerializer, Immutable]
public sealed record ReclaimRecord(DateTimeOffset At, string AllocationId, string Tenant, string Pool, string CloudId, ResourceVector Reclaimed, string Reason);
