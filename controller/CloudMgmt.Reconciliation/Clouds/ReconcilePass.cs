using CloudMgmt.Grains.Clouds;
using CloudMgmt.Reconciliation.Monitoring;
using Quartz;

namespace CloudMgmt.Reconciliation.Clouds;

/// <summary>
/// Passes over every registered cloud, a few at a time: the inventory refresh (capacity, grants
/// carrying our marks, health) and the grant reconcile (make the cloud match what is wanted).
/// The two run on their own schedules; the API's manual trigger runs both (pass "manual" in the metrics).
/// </summary>
internal sealed partial class ReconcilePass(
    IGrainFactory grains, CloudRefresher refresher, GrantReconciler reconciler, AdapterRegistry adapters, TimeProvider time, ILogger<ReconcilePass> logger)
{
    private const int CloudsAtOnce = 4;

    public Task<int> RunAsync(CancellationToken cancellationToken) => ForEachCloudAsync(async (id, ct) =>
    {
        await refresher.RefreshAsync(id, ct);
        await reconciler.ReconcileAsync(id, ct);
    }, "manual", cancellationToken);

    public Task<int> RefreshInventoryAsync(CancellationToken cancellationToken) =>
        ForEachCloudAsync(async (id, ct) => await refresher.RefreshAsync(id, ct), "inventory", cancellationToken);

    public Task<int> ReconcileGrantsAsync(CancellationToken cancellationToken) =>
        ForEachCloudAsync(reconciler.ReconcileAsync, "grants", cancellationToken);

    private async Task<int> ForEachCloudAsync(Func<string, CancellationToken, Task> work, string what, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        IReadOnlyList<string> ids;
        try
        {
            ids = await grains.GetGrain<ICloudDirectoryGrain>(CloudDirectoryGrain.Key).List();
            adapters.Retain(ids); // a cloud that left takes its adapter and pipeline with it
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = CloudsAtOnce, CancellationToken = cancellationToken },
                async (id, ct) => await work(id, ct));
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            ControllerMetrics.ReconcilePasses.WithLabels(what, "failed").Inc();
            throw;
        }

        var elapsed = time.GetElapsedTime(started);
        ReconcileMetrics.PassSeconds.WithLabels(what).Observe(elapsed.TotalSeconds);
        ControllerMetrics.ReconcilePasses.WithLabels(what, "ok").Inc();
        ControllerMetrics.ReconcileLastSuccess.WithLabels(what).Set(time.GetUtcNow().ToUnixTimeMilliseconds() / 1000d);
        LogPass(logger, what, ids.Count, elapsed.TotalMilliseconds);
        return ids.Count;
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Reconcile pass ({What}) over {Count} clouds in {Milliseconds:F0} ms")]
    private static partial void LogPass(ILogger logger, string what, int count, double milliseconds);
}

/// <summary>The scheduled inventory refresh (Reconcile:InventoryInterval); never two at once.</summary>
[DisallowConcurrentExecution]
internal sealed class InventoryJob(ReconcilePass pass) : IJob
{
    public static readonly JobKey Key = new("inventory", "clouds");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await pass.RefreshInventoryAsync(cancellationToken);
}

/// <summary>The scheduled grant reconcile (Reconcile:GrantInterval); never two at once.</summary>
[DisallowConcurrentExecution]
internal sealed class GrantReconcileJob(ReconcilePass pass) : IJob
{
    public static readonly JobKey Key = new("grants", "clouds");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await pass.ReconcileGrantsAsync(cancellationToken);
}
