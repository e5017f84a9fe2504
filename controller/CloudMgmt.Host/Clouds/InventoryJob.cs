using CloudMgmt.Grains.Clouds;
using Quartz;

namespace CloudMgmt.Host.Clouds;

/// <summary>
/// The scheduled reconcile of every registered cloud, a few at a time: refresh its inventory and
/// health, then make its grants match what the controller wants.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class InventoryJob(IGrainFactory grains, CloudRefresher refresher, GrantReconciler reconciler, ILogger<InventoryJob> logger) : IJob
{
    public static readonly JobKey Key = new("inventory", "clouds");

    private const int CloudsAtOnce = 4;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var ids = await grains.GetGrain<ICloudDirectoryGrain>(CloudDirectoryGrain.Key).List();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = CloudsAtOnce, CancellationToken = cancellationToken },
            async (id, ct) =>
            {
                await refresher.RefreshAsync(id, ct);
                await reconciler.ReconcileAsync(id, ct);
            });
        LogRefreshed(logger, ids.Count, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "{Count} clouds reconciled in {Milliseconds:F0} ms")]
    private static partial void LogRefreshed(ILogger logger, int count, double milliseconds);
}
