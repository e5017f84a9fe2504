using System.Globalization;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>
/// Grain state in one SQLite file (<see cref="SqliteDatabase"/>): reads on pooled connections, writes
/// group-committed by the database's single writer. Optimistic concurrency: the ETag is the row's
/// version; a stale write fails with <see cref="InconsistentStateException"/> and changes nothing.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly string _name;
    private readonly SqliteGrainStorageOptions _options;

    public SqliteGrainStorage(string name, SqliteGrainStorageOptions options, ILogger<SqliteGrainStorage> logger)
        : this(name, options, new SqliteDatabase(options, logger))
    {
    }

    public SqliteGrainStorage(string name, SqliteGrainStorageOptions options, SqliteDatabase database)
    {
        _name = name;
        _options = options;
        Database = database;
    }

    /// <summary>The file this provider keeps state in; the ledger store shares it.</summary>
    public SqliteDatabase Database { get; }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(SqliteGrainStorage)}-{_name}", _options.InitStage, StartAsync, StopAsync);

    public Task StartAsync(CancellationToken cancellationToken) => Database.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Database.StopAsync();

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await Database.OpenReadAsync();
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

        grainState.State = _options.GrainStorageSerializer.Deserialize<T>(new BinaryData((byte[])reader.GetValue(1)));
        grainState.ETag = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = _options.GrainStorageSerializer.Serialize(grainState.State).ToArray();
        var write = new GrainStateWrite(Key(stateName, grainId), ParseETag(grainState.ETag), payload);
        await Database.Enqueue(write);
        grainState.ETag = (await write.Version).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await Database.Enqueue(new GrainStateWrite(Key(stateName, grainId), ParseETag(grainState.ETag), payload: null));
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";

    private static long? ParseETag(string? etag) => etag is null ? null : long.Parse(etag, CultureInfo.InvariantCulture);
}
