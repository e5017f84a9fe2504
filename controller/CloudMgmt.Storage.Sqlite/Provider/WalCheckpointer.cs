using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file on its own connection, so that the
/// writer never waits for it. SQLite would otherwise checkpoint inside a commit every 1,000 pages,
/// and that checkpoint's fsync stalled every request queued behind the writer. Passive checkpoints
/// never block the writer or readers; what one cannot copy yet the next one does.
/// </summary>
/// <remarks>
/// Copying is not shrinking: SQLite starts the log file over only when a write begins while every
/// frame is copied and no reader is inside the log. Under a steady load some reader always is, so
/// the file grew without end (503 MB beside a 27 MB database). So when the file passes its limit,
/// the writer itself, between two batches, runs a TRUNCATE checkpoint: it waits a moment at most for
/// the readers inside the log to finish and empties the file. Run anywhere else it would first have
/// to win the write lock from a writer that hardly ever lets go. Most frames are copied already by
/// then, so the pause is short; if readers do not let go in time, it tries again a checkpoint interval later.
/// </remarks>
internal sealed partial class WalCheckpointer(string connectionString, string walFile, TimeSpan interval, long sizeLimit, ILogger logger)
{
    /// <summary>How long a truncating checkpoint may wait for readers (the writer's queue waits as long).</summary>
    private const int TruncateWaitMilliseconds = 250;

    /// <summary>The writer's own busy timeout, set again after a truncation (<see cref="SqliteSchema"/>).</summary>
    private const int WriterBusyTimeoutMilliseconds = 5000;

    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    /// <summary>
    /// One checkpoint at a time: SQLite refuses a second one at once (no busy wait for its checkpoint
    /// lock), so a truncation that met a passive copy in progress would fail for nothing.
    /// </summary>
    private readonly Lock _oneAtATime = new();
    private int _truncateFailures;
    private long _nextTruncation;

    public void Start() => _loop = Task.Run(RunAsync, CancellationToken.None);

    /// <summary>Stops the loop and runs one last checkpoint, so the log is folded in on a clean stop.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        Checkpoint();
        _stop.Dispose();
    }

    /// <summary>
    /// Called by the writer after each batch: empties the log when it has passed its limit, so the
    /// file never holds much more than the limit and one batch. The size check is one stat call.
    /// </summary>
    public void TruncateIfDue(SqliteConnection writer)
    {
        if (Stopwatch.GetTimestamp() < _nextTruncation || !OverLimit())
        {
            return;
        }

        using var scope = _oneAtATime.EnterScope();
        try
        {
            using var command = writer.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {TruncateWaitMilliseconds}";
            command.ExecuteNonQuery();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            bool busy;
            using (var result = command.ExecuteReader())
            {
                busy = result.Read() && result.GetInt32(0) != 0; // (busy, log frames, checkpointed frames)
            }

            command.CommandText = $"PRAGMA busy_timeout = {WriterBusyTimeoutMilliseconds}";
            command.ExecuteNonQuery();
            _truncateFailures = busy ? _truncateFailures + 1 : 0;
            // Readers held on: let a few batches through before the writer waits for them again.
            _nextTruncation = busy ? Stopwatch.GetTimestamp() + (long)(interval.TotalSeconds * Stopwatch.Frequency) : 0;
            if (_truncateFailures == 10)
            {
                LogTruncateBlocked(logger, walFile, sizeLimit);
            }
        }
        catch (SqliteException ex)
        {
            LogCheckpointFailed(logger, ex);
        }
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Checkpoint();
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private void Checkpoint()
    {
        if (OverLimit())
        {
            return; // the writer truncates after its next batch and copies what is left; a passive copy now would only hold the lock it needs
        }

        using var scope = _oneAtATime.EnterScope();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            command.ExecuteNonQuery();
        }
        catch (SqliteException ex)
        {
            LogCheckpointFailed(logger, ex); // the next tick tries again; the log only grows meanwhile
        }
    }

    private bool OverLimit()
    {
        var file = new FileInfo(walFile);
        return file.Exists && file.Length > sizeLimit;
    }

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "A WAL checkpoint failed; the next one will try again")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning,
        Message = "The write-ahead log {File} is over {Limit} bytes and ten truncations in a row could not empty it: readers held on to it")]
    private static partial void LogTruncateBlocked(ILogger logger, string file, long limit);
}
