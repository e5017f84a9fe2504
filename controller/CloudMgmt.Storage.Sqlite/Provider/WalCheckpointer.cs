using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file on its own connection, so that the
/// writer never waits for it. SQLite would otherwise checkpoint inside a commit every 1,000 pages,
/// and that checkpoint's fsync stalled every request queued behind the writer. Passive checkpoints
/// never block the writer or readers; what one cannot copy yet the next one does.
/// </summary>
internal sealed partial class WalCheckpointer(string connectionString, TimeSpan interval, ILogger logger)
{
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public void Start() => _loop = Task.Run(RunAsync, CancellationToken.None);

    /// <summary>Stops the loop and runs one last checkpoint, so the log is folded in on a clean stop.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        Checkpoint();
        _stop.Dispose();
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

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "A WAL checkpoint failed; the next one will try again")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
