using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>One queued change, executed inside the writer's batch transaction and completed after its commit.</summary>
internal abstract class BatchedWrite
{
    public abstract Task Completion { get; }

    public abstract void Execute(WriterCommands commands);

    public abstract void Complete();

    public abstract void Fail(Exception exception);
}

/// <summary>A grain state write (an empty payload is a clear's tombstone), checked against the version its writer last saw.</summary>
internal sealed class GrainStateWrite(string key, long? expectedVersion, byte[] payload) : BatchedWrite
{
    private readonly TaskCompletionSource<long> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _version;
    private long? _stored;

    public Task<long> Version => _done.Task;

    public override Task Completion => _done.Task;

    public override void Execute(WriterCommands commands)
    {
        _stored = commands.StateVersion(key);
        if (_stored != expectedVersion)
        {
            _version = -1;
            return;
        }

        _version = (_stored ?? 0) + 1;
        commands.UpsertState(key, _version, payload);
    }

    public override void Complete()
    {
        if (_version >= 0)
        {
            _done.TrySetResult(_version);
            return;
        }

        _done.TrySetException(new InconsistentStateException(
            $"ETag mismatch for '{key}': expected {expectedVersion?.ToString() ?? "none"}, stored {_stored?.ToString() ?? "none"}",
            _stored?.ToString(), expectedVersion?.ToString()));
    }

    public override void Fail(Exception exception) => _done.TrySetException(exception);
}

/// <summary>Row upserts and deletes of one ledger, applied together.</summary>
internal sealed class LedgerWrite(string ledger, IReadOnlyCollection<KeyValuePair<string, byte[]?>> changes) : BatchedWrite
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Task Completion => _done.Task;

    public override void Execute(WriterCommands commands)
    {
        foreach (var (key, payload) in changes)
        {
            commands.SetRow(ledger, key, payload);
        }
    }

    public override void Complete() => _done.TrySetResult();

    public override void Fail(Exception exception) => _done.TrySetException(exception);
}
