using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>
/// The single writer: drains the queue in batches, one transaction per batch. Each write's own
/// checks happen inside the transaction, so a conflict fails only that write; the others commit.
/// Nobody is told "done" before the batch's commit returned.
/// </summary>
internal sealed partial class SqliteBatchWriter(
    SqliteConnection connection, ChannelReader<BatchedWrite> queue, int maxBatch, WalCheckpointer checkpointer, ILogger logger)
{
    private readonly List<BatchedWrite> _batch = new(maxBatch);

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
                checkpointer.TruncateIfDue(connection); // after the batch's callers were told, so they do not wait for it
            }
        }
    }

    private void Commit()
    {
        try
        {
            using var transaction = connection.BeginTransaction();
            using var commands = new WriterCommands(connection, transaction);
            foreach (var write in _batch)
            {
                write.Execute(commands);
            }

            commands.Finish();
            transaction.Commit();
        }
        catch (Exception ex)
        {
            LogBatchFailed(logger, ex, _batch.Count);
            _batch.ForEach(w => w.Fail(ex));
            return;
        }

        _batch.ForEach(w => w.Complete());
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "A batch of {Count} writes failed to commit; each caller gets the error")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);
}
