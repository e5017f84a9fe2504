using CloudMgmt.Domain.Audit;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>One audit record, chained and inserted in the writer's batch; its id is known once the batch committed.</summary>
internal sealed class AuditAppend(AuditEntry entry) : BatchedWrite
{
    private readonly TaskCompletionSource<long> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _id;

    public Task<long> Id => _done.Task;

    public override Task Completion => _done.Task;

    public override void Execute(WriterCommands commands) => _id = commands.Audit.Append(entry).Id;

    public override void Complete() => _done.TrySetResult(_id);

    public override void Fail(Exception exception) => _done.TrySetException(exception);
}

/// <summary>Retention: deletes a prefix of the chain and re-anchors it, in the writer's batch like every other change.</summary>
internal sealed class AuditPrune(DateTimeOffset cutoff) : BatchedWrite
{
    private readonly TaskCompletionSource<long> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _deleted;

    public Task<long> Deleted => _done.Task;

    public override Task Completion => _done.Task;

    public override void Execute(WriterCommands commands) => _deleted = commands.Audit.Prune(cutoff);

    public override void Complete() => _done.TrySetResult(_deleted);

    public override void Fail(Exception exception) => _done.TrySetException(exception);
}
