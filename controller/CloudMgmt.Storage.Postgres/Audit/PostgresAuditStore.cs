using System.Data;
using System.Threading.Channels;
using CloudMgmt.Domain.Audit;
using CloudMgmt.Grains.Persistence;
using Npgsql;

namespace CloudMgmt.Storage.Postgres.Audit;

/// <summary>
/// The audit trail in the cluster's database. Appends are group-committed by one writer per node:
/// whatever is queued goes in one transaction that locks the chain row, links the records after
/// the last one any node stored, inserts them in one round trip, and commits; only then is each
/// caller told its record is stored.
/// </summary>
public sealed class PostgresAuditStore(NpgsqlDataSource dataSource) : IAuditStore, IAsyncDisposable
{
    private const int MaxBatch = 256;
    private readonly Channel<(AuditEntry Entry, TaskCompletionSource<long> Done)> _queue =
        Channel.CreateUnbounded<(AuditEntry, TaskCompletionSource<long>)>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _running;
    private readonly Lock _start = new();

    public Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((entry, done)))
        {
            throw new InvalidOperationException("the audit writer is stopped; the node is shutting down");
        }

        lock (_start)
        {
            _running ??= Task.Run(WriteLoopAsync, CancellationToken.None);
        }

        return done.Task;
    }

    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        PostgresAuditReads.QueryAsync(dataSource, query, cancellationToken);

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for the head and every record: appends and prunes meanwhile do not count.
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var verifier = new AuditVerifier(await PostgresAuditChain.ReadHeadAsync(connection, snapshot, "", cancellationToken));
        await using var all = new NpgsqlCommand($"SELECT {AuditColumns.List} FROM cloudmgmt_audit_records ORDER BY id", connection, snapshot);
        await using var reader = await all.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken) && verifier.Accept(PostgresAuditReads.Read(reader)))
        {
        }

        return verifier.Result();
    }

    public async Task<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var head = await PostgresAuditChain.LockHeadAsync(connection, transaction, cancellationToken);
        await using var first = new NpgsqlCommand("SELECT id, prev_hash FROM cloudmgmt_audit_records WHERE at >= $1 ORDER BY id LIMIT 1", connection, transaction);
        first.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = AuditChain.Truncate(before) });
        long keepFrom;
        string prev;
        await using (var reader = await first.ExecuteReaderAsync(cancellationToken))
        {
            (keepFrom, prev) = await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : (head.LastId + 1, head.LastHash);
        }

        if (keepFrom <= head.FirstId)
        {
            return 0;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        var delete = new NpgsqlBatchCommand("DELETE FROM cloudmgmt_audit_records WHERE id < $1");
        delete.Parameters.Add(new NpgsqlParameter<long> { TypedValue = keepFrom });
        batch.BatchCommands.Add(delete);
        batch.BatchCommands.Add(PostgresAuditChain.SetHead(head with { FirstId = keepFrom, FirstPrevHash = prev }));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return delete.RecordsAffected;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        Task? running;
        lock (_start)
        {
            running = _running;
        }

        if (running is not null)
        {
            await running;
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<(AuditEntry Entry, TaskCompletionSource<long> Done)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                var ids = await CommitAsync(batch.Select(b => b.Entry).ToList());
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(ids[i]);
                }
            }
            catch (Exception ex)
            {
                batch.ForEach(b => b.Done.TrySetException(ex));
            }
        }
    }

    private async Task<List<long>> CommitAsync(IReadOnlyList<AuditEntry> entries)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var head = await PostgresAuditChain.LockHeadAsync(connection, transaction, CancellationToken.None);
        var ids = new List<long>(entries.Count);
        await PostgresAuditChain.AppendAsync(connection, transaction, head, entries, ids, CancellationToken.None);
        await transaction.CommitAsync();
        return ids;
    }
}
