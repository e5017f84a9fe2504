using CloudMgmt.Application.Access;
using CloudMgmt.Grains.Persistence;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Application.Audit;

/// <summary>
/// Prunes records older than <see cref="AuditOptions.RetentionDays"/>, every <see cref="AuditOptions.PruneInterval"/>
/// (the store re-anchors the chain so the rest still verifies), and records that it did, as system:retention.
/// In a cluster every node runs it; the store's lock makes the second node's pass find nothing to do.
/// </summary>
public sealed partial class AuditRetention(IAuditStore store, AuditTrail audit, TimeProvider time, IOptions<AuditOptions> options, ILogger<AuditRetention> logger)
    : BackgroundService
{
    public const int MinimumForMlps3 = 180;

    /// <summary>One pass: returns how many records were pruned.</summary>
    public async Task<long> PruneOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        var deleted = await store.PruneAsync(cutoff, cancellationToken);
        if (deleted > 0)
        {
            LogPruned(logger, deleted, cutoff);
            await audit.RecordAsync(Caller.System(Principal.Retention), "audit.prune", Resource.WholeTree(), Outcomes.Ok,
                $"deleted {deleted} records older than {cutoff:O} (Audit:RetentionDays {options.Value.RetentionDays})");
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RetentionDays < MinimumForMlps3)
        {
            LogShortRetention(logger, options.Value.RetentionDays, MinimumForMlps3);
        }

        using var timer = new PeriodicTimer(options.Value.PruneInterval, time);
        do
        {
            try
            {
                await PruneOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPruneFailed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Pruned {Count} audit records older than {Cutoff}")]
    private static partial void LogPruned(ILogger logger, long count, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Audit:RetentionDays is {Days}; MLPS level 3 asks for at least {Minimum} days")]
    private static partial void LogShortRetention(ILogger logger, int days, int minimum);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Error, Message = "Pruning the audit trail failed; it is tried again at the next interval")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
