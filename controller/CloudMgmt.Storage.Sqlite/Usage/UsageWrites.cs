using CloudMgmt.Domain.Metering;
using CloudMgmt.Grains.Usage;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>
/// One meter's write in the writer's batch transaction. A closed hour counts into its day and month
/// only when its row was not there yet, so the same write applied twice changes nothing the second time.
/// </summary>
internal sealed class UsageBatchWrite(UsageWrite write) : CompletingWrite
{
    public override void Execute(WriterCommands commands)
    {
        var usage = commands.Usage;
        foreach (var grant in write.Series)
        {
            usage.Series(grant, write.Hour);
        }

        var added = write.Closed.Where(h => usage.Hour(h.Grant.Series, h.Hour, MeterCodec.Encode(h.Totals))).ToList();
        var (days, months) = UsageIncrements.Of(added);
        foreach (var (key, increment) in days)
        {
            usage.AddDay(key, increment);
        }

        foreach (var (key, increment) in months)
        {
            usage.AddMonth(key, increment);
        }

        foreach (var open in write.Open)
        {
            usage.Open(open);
        }
    }
}

internal sealed class ReclaimWrite(ReclaimRecord record) : CompletingWrite
{
    public override void Execute(WriterCommands commands) =>
        commands.Usage.Reclaim(record.At.ToUnixTimeMilliseconds(), record.AllocationId, record.CloudId, record.Tenant, record.Pool,
            MeterCodec.EncodeVector(record.Reclaimed), record.Reason);
}

/// <summary>A write that only needs to say "committed".</summary>
internal abstract class CompletingWrite : BatchedWrite
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Task Completion => _done.Task;

    public override void Complete() => _done.TrySetResult();

    public override void Fail(Exception exception) => _done.TrySetException(exception);
}
