using CloudMgmt.Domain.Metering;
using Microsoft.Extensions.Logging;

namespace CloudMgmt.Grains.Usage;

/// <summary>
/// The meter's side of the grain: it continues the hours in progress found in the store when it
/// activates, closes finished hours on a timer when no pass comes, and writes what is in progress
/// when it leaves. A write that fails is kept and tried again first next time: writes are
/// idempotent (a stored hour is not counted again), so a retry never counts twice.
/// </summary>
public sealed partial class CloudUsageGrain
{
    private const int MaxPendingWrites = 1000;
    private readonly Queue<UsageWrite> _pending = new();
    private CloudMeter? _meter;

    private CloudMeter Meter => _meter ?? throw new InvalidOperationException("the usage grain is not activated");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var settings = metering.Value.Settings;
        _meter = new CloudMeter(this.GetPrimaryKeyString(), settings);
        var open = await store.ReadOpenAsync(this.GetPrimaryKeyString());
        _meter.Restore(open, time.GetUtcNow());
        if (open.Count > 0)
        {
            LogResumed(logger, this.GetPrimaryKeyString(), open.Count);
        }

        this.RegisterGrainTimer(static (grain, _) => grain.Tick(), this,
            new GrainTimerCreationOptions(metering.Value.TickEvery, metering.Value.TickEvery) { Interleave = false, KeepAlive = true });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_meter is not null)
        {
            await WriteAsync(_meter.FlushAll(time.GetUtcNow()));
        }
    }

    public Task Tick() => WriteAsync(Meter.Tick(time.GetUtcNow()));

    private async Task WriteAsync(UsageWrite write)
    {
        if (!write.IsEmpty)
        {
            _pending.Enqueue(write);
        }

        try
        {
            while (_pending.TryPeek(out var next))
            {
                await store.WriteAsync(next);
                _pending.Dequeue();
            }
        }
        catch (Exception e)
        {
            while (_pending.Count > MaxPendingWrites)
            {
                _pending.Dequeue();
                LogDropped(logger, this.GetPrimaryKeyString());
            }

            LogWriteFailed(logger, e, this.GetPrimaryKeyString(), _pending.Count);
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Usage of cloud {CloudId}: continuing {Count} hours in progress")]
    private static partial void LogResumed(ILogger logger, string cloudId, int count);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Usage of cloud {CloudId}: writing metered hours failed; {Pending} writes kept to try again")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string cloudId, int pending);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Error, Message = "Usage of cloud {CloudId}: the store has failed for too long; the oldest kept write is dropped and its hours are lost")]
    private static partial void LogDropped(ILogger logger, string cloudId);
}
