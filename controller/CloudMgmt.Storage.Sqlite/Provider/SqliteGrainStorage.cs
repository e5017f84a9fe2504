using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>
/// Grain state in one SQLite file. Reads use pooled connections; every write and clear goes through
/// one writer that commits whatever is queued (up to <see cref="SqliteGrainStorageOptions.MaxBatchSize"/>)
/// in a single transaction, so many grains writing at once cost one commit, not one each.
/// Optimistic concurrency: the ETag is the row's version; a stale write fails with
/// <see cref="InconsistentStateException"/> and changes nothing.
/// </summary>
public sealed partial class SqliteGrainStorage(string name, SqliteGrainStorageOptions options, ILogger<SqliteGrainStorage> logger)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private string _connectionString = "";
    private Task _writer = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(SqliteGrainStorage)}-{name}", options.InitStage, StartAsync, StopAsync);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(options.DataSource!);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        var connection = await SqliteSchema.OpenAsync(_connectionString, options.Synchronous, cancellationToken);
        _writer = Task.Run(() => new SqliteBatchWriter(connection, _queue.Reader, options.MaxBatchSize, logger).RunAsync(), CancellationToken.None);
        LogStarted(logger, name, path);
    }

    /// <summary>Stops taking writes and waits until every queued one is committed.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, payload FROM grain_state WHERE key = $key";
        command.Parameters.AddWithValue("$key", Key(stateName, grainId));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var payload = (byte[])reader.GetValue(1);
        grainState.State = options.GrainStorageSerializer.Deserialize<T>(new BinaryData(payload));
        grainState.ETag = reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = options.GrainStorageSerializer.Serialize(grainState.State).ToArray();
        var version = await EnqueueAsync(new PendingWrite(Key(stateName, grainId), ParseETag(grainState.ETag), payload));
        grainState.ETag = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await EnqueueAsync(new PendingWrite(Key(stateName, grainId), ParseETag(grainState.ETag), Payload: null));
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private Task<long> EnqueueAsync(PendingWrite write)
    {
        if (!_queue.Writer.TryWrite(write))
        {
            throw new InvalidOperationException($"SQLite grain storage '{name}' is stopped; the silo is shutting down");
        }

        return write.Done.Task;
    }

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";

    private static long? ParseETag(string? etag) =>
        etag is null ? null : long.Parse(etag, System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Grain storage '{Name}' on SQLite file {Path}")]
    private static partial void LogStarted(ILogger logger, string name, string path);
}

/// <summary>One queued write (payload) or clear (null payload), with the version its writer last saw.</summary>
internal sealed record PendingWrite(string Key, long? ExpectedVersion, byte[]? Payload)
{
    public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
