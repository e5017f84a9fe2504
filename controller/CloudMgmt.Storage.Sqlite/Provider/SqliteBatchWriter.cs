using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>
/// The single writer: drains the queue in batches, one transaction per batch. Each write's version
/// check happens inside the transaction, so a conflict fails only that write; the others commit.
/// Nobody is told "done" before the batch's commit returned.
/// </summary>
internal sealed partial class SqliteBatchWriter(SqliteConnection connection, ChannelReader<PendingWrite> queue, int maxBatch, ILogger logger)
{
    private readonly List<PendingWrite> _batch = new(maxBatch);
    private readonly List<(PendingWrite Write, long Version, long? Stored)> _outcomes = new(maxBatch);

    public async Task RunAsync()
    {
        await using (connection)
        {
            while (await queue.WaitToReadAsync())
            {
                _batch.Clear();
                while (_batch.Count < maxBatch && queue.TryRead(out var write))
                {
                    _batch.Add(write);
                }

                Commit();
            }
        }
    }

    private void Commit()
    {
        _outcomes.Clear();
        try
        {
            using var transaction = connection.BeginTransaction();
            using var select = Command(transaction, "SELECT version FROM grain_state WHERE key = $key");
            using var upsert = Command(transaction,
                "INSERT INTO grain_state (key, version, payload) VALUES ($key, $version, $payload) " +
                "ON CONFLICT(key) DO UPDATE SET version = excluded.version, payload = excluded.payload, " +
                "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')");
            using var delete = Command(transaction, "DELETE FROM grain_state WHERE key = $key");
            foreach (var write in _batch)
            {
                select.Parameters["$key"].Value = write.Key;
                var stored = select.ExecuteScalar() is long v ? v : (long?)null;
                if (stored != write.ExpectedVersion)
                {
                    _outcomes.Add((write, -1, stored));
                    continue;
                }

                var next = (stored ?? 0) + 1;
                var command = write.Payload is null ? delete : upsert;
                command.Parameters["$key"].Value = write.Key;
                if (write.Payload is not null)
                {
                    upsert.Parameters["$version"].Value = next;
                    upsert.Parameters["$payload"].Value = write.Payload;
                }

                command.ExecuteNonQuery();
                _outcomes.Add((write, next, stored));
            }

            transaction.Commit();
        }
        catch (Exception ex)
        {
            LogBatchFailed(logger, ex, _batch.Count);
            _batch.ForEach(w => w.Done.TrySetException(ex));
            return;
        }

        foreach (var (write, version, stored) in _outcomes)
        {
            if (version < 0)
            {
                write.Done.TrySetException(new InconsistentStateException(
                    $"ETag mismatch for '{write.Key}': expected {write.ExpectedVersion?.ToString() ?? "none"}, stored {stored?.ToString() ?? "none"}",
                    stored?.ToString(), write.ExpectedVersion?.ToString()));
            }
            else
            {
                write.Done.TrySetResult(version);
            }
        }
    }

    private SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in new[] { "$key", "$version", "$payload" }.Where(n => sql.Contains(n, StringComparison.Ordinal)))
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "A batch of {Count} grain state writes failed to commit; each caller gets the error")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);
}
