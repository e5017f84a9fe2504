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

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // SQLite reads are synchronous underneath; a point lookup on a prepared statement is quicker
        // than the machinery an async hop would add.
        if (Database.ReadState(Key(stateName, grainId)) is not var (stored, payload))
        {
            (grainState.State, grainState.ETag, grainState.RecordExists) = (Fresh<T>(), null, false);
            return Task.CompletedTask;
        }

        var version = stored.ToString(CultureInfo.InvariantCulture);
        (grainState.State, grainState.ETag, grainState.RecordExists) = payload.Length == 0
            ? (Fresh<T>(), version, false) // cleared: the row stays as a tombstone so versions only grow
            : (_options.GrainStorageSerializer.Deserialize<T>(new BinaryData(payload)), version, true);
        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = _options.GrainStorageSerializer.Serialize(grainState.State).ToArray();
        var write = new GrainStateWrite(Key(stateName, grainId), ParseETag(grainState.ETag), payload);
        await Database.Enqueue(write);
        grainState.ETag = (await write.Version).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    /// <summary>
    /// Clears by writing a tombstone (an empty payload with the next version) rather than deleting the
    /// row: a writer still holding the ETag from before the clear must fail, not overwrite what was
    /// written after it, so versions must never start again.
    /// </summary>
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var write = new GrainStateWrite(Key(stateName, grainId), ParseETag(grainState.ETag), []);
        await Database.Enqueue(write);
        (grainState.State, grainState.ETag, grainState.RecordExists) = (Fresh<T>(), (await write.Version).ToString(CultureInfo.InvariantCulture), false);
    }

    private static T Fresh<T>() => typeof(T).GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance<T>() : default!;

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";

    /// <summary>An ETag this provider did not issue can match nothing: it is a conflict, not a crash.</summary>
    private static long? ParseETag(string? etag) =>
        etag is null ? null
        : long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version
        : throw new InconsistentStateException($"ETag '{etag}' was not issued by this storage", null, etag);
}
