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
