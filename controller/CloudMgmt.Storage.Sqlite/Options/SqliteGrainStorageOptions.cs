using Orleans;
using Orleans.Storage;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>
/// Options for <see cref="SqliteGrainStorage"/>, bound per provider name.
/// </summary>
public sealed class SqliteGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>Default for <see cref="MaxBatchSize"/>.</summary>
    public const int DefaultMaxBatchSize = 512;

    /// <summary>
    /// Path of the SQLite database file (required). Relative paths resolve against the process'
    /// working directory. The directory is created on start if it does not exist.
    /// </summary>
    public string? DataSource { get; set; }

    /// <summary>
    /// Durability level of commits. Default <see cref="SqliteSynchronousMode.Normal"/>: survives
    /// a process kill, not a power loss. Use <see cref="SqliteSynchronousMode.Full"/> for the latter.
    /// </summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Normal;

    /// <summary>
    /// Most write/clear operations committed in one transaction. Range 1..100000, default 512.
    /// Larger batches amortise the commit cost further but delay the callers of a batch slightly.
    /// </summary>
    public int MaxBatchSize { get; set; } = DefaultMaxBatchSize;

    /// <summary>
    /// How often the write-ahead log is copied back into the database, on a connection of its own,
    /// without blocking the writer or readers. Range 10 ms..1 min, default 1 s.
    /// </summary>
    public TimeSpan WalCheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Size the write-ahead log file is kept near, in bytes. Above it, the next checkpoint waits
    /// briefly for readers and truncates the log; the file may exceed it by what is written in
    /// about one <see cref="WalCheckpointInterval"/>. Range 1 MiB..16 GiB, default 64 MiB.
    /// </summary>
    public long WalSizeLimit { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Silo lifecycle stage at which the database is opened and the writer started (and, on the
    /// way down, drained). Default: <see cref="ServiceLifecycleStage.ApplicationServices"/>, so it
    /// is ready before grains activate and stopped only after they have been deactivated.
    /// </summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;

    /// <summary>
    /// Serializer for grain state. Left null, the silo's default <see cref="IGrainStorageSerializer"/>
    /// (or a keyed one registered under this provider's name) is filled in when options are built.
    /// </summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
