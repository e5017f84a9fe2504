using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>
/// One SQLite file: pooled connections for reads, and one writer that commits whatever is queued,
/// grain states and ledger rows alike, in a single transaction per batch.
/// </summary>
public sealed partial class SqliteDatabase(SqliteGrainStorageOptions options, ILogger logger)
{
    private readonly Channel<BatchedWrite> _queue = Channel.CreateUnbounded<BatchedWrite>(new UnboundedChannelOptions { SingleReader = true });
    private string _connectionString = "";
    private Task _writer = Task.CompletedTask;
    private StateReaders? _readers;
    private WalCheckpointer? _checkpointer;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(options.DataSource!);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        var connection = await SqliteSchema.OpenAsync(_connectionString, options.Synchronous, options.WalSizeLimit, cancellationToken);
        _readers = new StateReaders(_connectionString);
        _checkpointer = new WalCheckpointer(_connectionString, path + "-wal", options.WalCheckpointInterval, options.WalSizeLimit, logger);
        _checkpointer.Start();
        _writer = Task.Run(() => new SqliteBatchWriter(connection, _queue.Reader, options.MaxBatchSize, _checkpointer, logger).RunAsync(), CancellationToken.None);
        LogStarted(logger, path);
    }

    /// <summary>Stops taking writes and waits until every queued one is committed.</summary>
    public async Task StopAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
        if (_checkpointer is not null)
        {
            await _checkpointer.StopAsync();
        }

        _readers?.Dispose();
    }

    /// <summary>The stored version and payload of one grain state, or null when there is no row.</summary>
    internal (long Version, byte[] Payload)? ReadState(string key) =>
        (_readers ?? throw new InvalidOperationException($"SQLite storage on '{options.DataSource}' is not started")).Read(key);

    public async Task<SqliteConnection> OpenReadAsync()
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        return connection;
    }

    internal Task Enqueue(BatchedWrite write)
    {
        if (!_queue.Writer.TryWrite(write))
        {
            throw new InvalidOperationException($"SQLite storage on '{options.DataSource}' is stopped; the silo is shutting down");
        }

        return write.Completion;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "State on SQLite file {Path}")]
    private static partial void LogStarted(ILogger logger, string path);
}
