using CloudMgmt.Grains.Persistence;
using CloudMgmt.Grains.Usage;
using Microsoft.Extensions.Options;
using Quartz;

namespace CloudMgmt.Metering;

/// <summary>Deletes grant-hours older than Metering:HourlyRetention and days, months and reclaims older than Metering:DailyRetention; never two at once.</summary>
[DisallowConcurrentExecution]
internal sealed partial class RetentionJob(IUsageStore store, IOptions<MeteringOptions> options, TimeProvider time, ILogger<RetentionJob> logger) : IJob
{
    public static readonly JobKey Key = new("retention", "metering");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var cutoff = Retention.Cutoff(time.GetUtcNow(), options.Value);
        var deleted = await store.DeleteBeforeAsync(cutoff);
        LogDeleted(logger, deleted.Hours, deleted.Days, deleted.Months, deleted.Reclaims, deleted.Series, cutoff.DailyBefore.ToString("yyyy-MM-dd"));
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information,
        Message = "Metering retention: deleted {Hours} grant-hours, {Days} daily rows, {Months} grant-month rows, {Reclaims} reclaims and {Series} series (daily figures kept from {Day})")]
    private static partial void LogDeleted(ILogger logger, long hours, long days, long months, long reclaims, long series, string day);
}
