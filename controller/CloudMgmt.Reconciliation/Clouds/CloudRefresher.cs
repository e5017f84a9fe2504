using CloudMgmt.Adapters;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Clouds;

namespace CloudMgmt.Reconciliation.Clouds;

/// <summary>
/// Asks one cloud, through its adapter and resilience pipeline, what it has (capacity per zone),
/// what carries our marks (granted and used), and whether it is healthy, and records the answer
/// on the cloud's grain. Used by the scheduled inventory job and by the API's manual trigger.
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
            ? await AskAsync(view.Spec, cancellationToken)
            : new CloudInventory([], ResourceVector.Zero, ResourceVector.Zero, 0, false,
                $"no adapter for kind '{view.Spec.Kind}' (known: {string.Join(", ", adapters.Kinds)})", time.GetUtcNow());
        await cloud.RecordInventory(inventory);
        if (!inventory.Healthy)
        {
            LogUnhealthy(logger, cloudId, inventory.HealthDetail);
        }

        return await cloud.Get();
    }

    private async Task<CloudInventory> AskAsync(CloudSpec spec, CancellationToken cancellationToken)
    {
        var adapter = adapters.For(spec);
        var capacity = await resilience.CallAsync(spec.Id, adapter.DescribeCapacityAsync, cancellationToken);
        var grants = capacity.Succeeded ? await resilience.CallAsync(spec.Id, adapter.ListGrantsAsync, cancellationToken) : default;
        var health = capacity.Succeeded && grants.Succeeded ? await resilience.CallAsync(spec.Id, adapter.CheckHealthAsync, cancellationToken) : default;
        var error = capacity.Error ?? grants.Error ?? health.Error;
        var healthy = error is null && health.Value is { Healthy: true } && !resilience.IsOpen(spec.Id);
        var detail = error?.ToString() ?? (resilience.IsOpen(spec.Id) ? "circuit breaker open" : health.Value?.Detail ?? "unknown");
        if (!healthy)
        {
            return new CloudInventory([], ResourceVector.Zero, ResourceVector.Zero, 0, false, detail, time.GetUtcNow());
        }

        var zones = capacity.Value!.Slices.Select(s => new ZoneCapacity(s.Zone, s.Architecture, s.Capacity)).ToList();
        var listed = grants.Value!;
        return new CloudInventory(zones,
            listed.Aggregate(ResourceVector.Zero, (sum, g) => sum + g.Granted),
            listed.Aggregate(ResourceVector.Zero, (sum, g) => sum + g.Used),
            listed.Count, true, detail, time.GetUtcNow(),
            listed.GroupBy(g => g.TenantId, StringComparer.Ordinal)
                .Select(g => new CloudTenantUsage(g.Key, g.Aggregate(ResourceVector.Zero, (sum, o) => sum + o.Granted), g.Aggregate(ResourceVector.Zero, (sum, o) => sum + o.Used)))
                .ToList());
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Cloud {CloudId} is unhealthy: {Detail}")]
    private static partial void LogUnhealthy(ILogger logger, string cloudId, string detail);
}
