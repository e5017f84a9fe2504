using CloudMgmt.Grains.Clouds;
using Quartz;

namespace CloudMgmt.Host.Clouds;

/// <summary>One reconcile pass over every registered cloud, a few at a time: refresh its inventory and health, then make its grants match.</summary>
internal sealed partial class ReconcilePass(IGrainFactory grains, CloudRefresher refresher, GrantReconciler reconciler, ILogger<ReconcilePass> logger)
{
    private const int CloudsAtOnce = 4;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var ids = await grains.GetGrain<ICloudDirectoryGrain>(CloudDirectoryGrain.Key).List();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = CloudsAtOnce, CancellationToken = cancellationToken },
            async (id, ct) =>
            {
                await refresher.RefreshAsync(id, ct);
                await reconciler.ReconcileAsync(id, ct);
            });
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        ReconcileMetrics.PassSeconds.Observe(elapsed.TotalSeconds);
        LogReconciled(logger, ids.Count, elapsed.TotalMilliseconds);
        return ids.Count;
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "{Count} clouds reconciled in {Milliseconds:F0} ms")]
    private static partial void LogReconciled(ILogger logger, int count, double milliseconds);
}

/// <summary>The scheduled reconcile pass (Reconcile:InventoryInterval); never two at once.</summary>
[DisallowConcurrentExecution]
internal sealed class InventoryJob(ReconcilePass pass) : IJob
{
    public static readonly JobKey Key = new("reconcile", "clouds");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await pass.RunAsync(cancellationToken);
}
