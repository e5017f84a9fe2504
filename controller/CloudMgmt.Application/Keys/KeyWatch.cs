using CloudMgmt.Grains.Keys;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Application.Keys;

/// <summary>
/// Keeps this node's <see cref="KeyLookup"/> current: asks the key store for its generation every
/// <see cref="KeyOptions.ChangePoll"/> and drops every kept answer when it changed (a revocation or
/// rotation through any node), and reports last use every <see cref="KeyOptions.UsageFlush"/>.
/// A failed poll keeps the answers, which still age out after <see cref="KeyOptions.MaxAge"/>.
/// </summary>
public sealed partial class KeyWatch(KeyLookup lookup, IGrainFactory grains, TimeProvider time, IOptions<KeyOptions> options, ILogger<KeyWatch> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var store = grains.GetGrain<IKeyStoreGrain>(KeyStoreGrain.Key);
        var poll = options.Value.ChangePoll;
        long? seen = null;
        var failing = false;
        var lastFlush = time.GetUtcNow();
        using var timer = new PeriodicTimer(poll, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var generation = await store.Generation().WaitAsync(poll * 4, time, stoppingToken);
                    failing = false;
                    if (seen != generation)
                    {
                        lookup.Forget();
                        seen = generation;
                    }

                    if (time.GetUtcNow() - lastFlush >= options.Value.UsageFlush)
                    {
                        lastFlush = time.GetUtcNow();
                        if (lookup.TakeUsage() is { Count: > 0 } used)
                        {
                            await store.RecordUse(used);
                        }
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    if (!failing)
                    {
                        LogPollFailed(logger, ex); // once per outage, not four times a second
                    }

                    failing = true;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Could not ask the key store for changes; kept key answers age out on their own")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
