using CloudMgmt.Adapters;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Clouds;

namespace CloudMgmt.Reconciliation.Clouds;

/// <summary>
/// Asks one cloud, through its adapter and resilience pipeline, what it has (capacity per zone),
/// what carries our marks (granted and used), and whether it is healthy, and records the answer
/// on the cloud's grain. Used by the scheduled inventory job and by the API's manual trigger.
/// The reasons recorded are short and never the cloud's own words (<see cref="HealthReason"/>); a
/// cloud whose adapter fails outright is recorded unhealthy, and the other clouds go on.
/// </summary>
internal sealed partial class CloudRefresher(
    IGrainFactory grains, AdapterRegistry adapters, CloudResilience resilience, TimeProvider time, ILogger<CloudRefresher> logger)
{
    public async Task<CloudView?> RefreshAsync(string cloudId, CancellationToken cancellationToken)
    {
        var cloud = grains.GetGrain<ICloudGrain>(cloudId);
        if (await cloud.Get() is not { } view)
        {
            return null;
        }

        var inventory = adapters.Knows(view.Spec.Kind)
            ? await GuardedAskAsync(view.Spec, cancellationToken)
            : Unhealthy($"no adapter for kind '{HealthReason.Clean(view.Spec.Kind, 32)}' (known: {string.Join(", ", adapters.Kinds)})", "no adapter for this kind of cloud");
        await cloud.RecordInventory(inventory);
        if (!inventory.Healthy)
        {
            LogUnhealthy(logger, cloudId, inventory.HealthDetail);
        }

        return await cloud.Get();
    }

    /// <summary>A bug in one adapter (or a stored registration no adapter expected) costs that cloud its health, not the pass.</summary>
    private async Task<CloudInventory> GuardedAskAsync(CloudSpec spec, CancellationToken cancellationToken)
    {
        try
        {
            return await AskAsync(spec, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogAdapterFailed(logger, spec.Id, e);
            return Unhealthy($"the adapter failed ({e.GetType().Name}); see the controller log", "the adapter failed");
        }
    }

    private async Task<CloudInventory> AskAsync(CloudSpec spec, CancellationToken cancellationToken)
    {
        var adapter = adapters.For(spec);
        var capacity = await resilience.CallAsync(spec.Id, adapter.DescribeCapacityAsync, cancellationToken);
        var grants = capacity.Succeeded ? await resilience.CallAsync(spec.Id, adapter.ListGrantsAsync, cancellationToken) : default;
        var health = capacity.Succeeded && grants.Succeeded ? await resilience.CallAsync(spec.Id, adapter.CheckHealthAsync, cancellationToken) : default;
        if ((capacity.Error ?? grants.Error ?? health.Error) is { } error)
        {
            LogCallFailed(logger, spec.Id, HealthReason.Clean(error.ToString(), 300));
            return Unhealthy(HealthReason.Of(error), HealthReason.Summary(error));
        }

        if (resilience.IsOpen(spec.Id))
        {
            return Unhealthy("circuit breaker open", "cloud unavailable");
        }

        if (health.Value is not { Healthy: true } answer)
        {
            var why = HealthReason.Clean(health.Value?.Detail ?? "unknown");
            return Unhealthy(why, "the cloud reports itself unhealthy");
        }

        var zones = capacity.Value!.Slices.Select(s => new ZoneCapacity(s.Zone, s.Architecture, s.Capacity)).ToList();
        var listed = grants.Value!;
        return new CloudInventory(zones,
            listed.Aggregate(ResourceVector.Zero, (sum, g) => sum + g.Granted),
            listed.Aggregate(ResourceVector.Zero, (sum, g) => sum + g.Used),
            listed.Count, true, HealthReason.Clean(answer.Detail), time.GetUtcNow(),
            listed.GroupBy(g => g.TenantId, StringComparer.Ordinal)
                .Select(g => new CloudTenantUsage(g.Key, g.Aggregate(ResourceVector.Zero, (sum, o) => sum + o.Granted), g.Aggregate(ResourceVector.Zero, (sum, o) => sum + o.Used)))
                .ToList(),
            HealthSummary: "healthy");
    }

    private CloudInventory Unhealthy(string detail, string summary) =>
        new([], ResourceVector.Zero, ResourceVector.Zero, 0, false, detail, time.GetUtcNow(), HealthSummary: summary);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Cloud {CloudId} is unhealthy: {Detail}")]
    private static partial void LogUnhealthy(ILogger logger, string cloudId, string detail);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Cloud {CloudId}: a call failed: {Error}")]
    private static partial void LogCallFailed(ILogger logger, string cloudId, string error);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Cloud {CloudId}: the adapter threw instead of answering; the cloud is marked unhealthy")]
    private static partial void LogAdapterFailed(ILogger logger, string cloudId, Exception exception);
}
