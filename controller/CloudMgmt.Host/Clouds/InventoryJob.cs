using CloudMgmt.Grains.Clouds;
using Quartz;

namespace CloudMgmt.Host.Clouds;

/// <summary>The scheduled inventory refresh of every registered cloud, a few at a time.</summary>
[DisallowConcurrentExecution]
internal sealed partial class InventoryJob(IGrainFactory grains, CloudRefresher refresher, ILogger<InventoryJob> logger) : IJob
{
    public static readonly JobKey Key = new("inventory", "clouds");

    private const int CloudsAtOnce = 4;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var ids = await grains.GetGrain<ICloudDirectoryGrain>(CloudDirectoryGrain.Key).List();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = CloudsAtOnce, CancellationToken = cancellationToken },
            async (id, ct) => await refresher.RefreshAsync(id, ct));
        LogRefreshed(logger, ids.Count, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Inventory of {Count} clouds refreshed in {Milliseconds:F0} ms")]
    private static partial void LogRefreshed(ILogger logger, int count, double milliseconds);
}
