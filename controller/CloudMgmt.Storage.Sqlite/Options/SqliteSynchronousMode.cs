namespace CloudMgmt.Storage.Sqlite;

/// <summary>
/// The SQLite <c>PRAGMA synchronous</c> level used by the writer connection.
/// </summary>
/// <remarks>
/// Both levels run in WAL mode. The choice is about power loss, not about process crashes:
/// a committed transaction survives <c>kill -9</c> of the silo under either level, because the
/// WAL frames are already in the operating system's page cache.
/// </remarks>
public enum SqliteSynchronousMode
{
    /// <summary>
    /// fsync only at checkpoints. Survives a process crash; the last transactions before a power
    /// loss or kernel panic may be rolled back (the database stays consistent). Much faster.
    /// </summary>
    Normal = 0,

    /// <summary>
    /// fsync the WAL on every commit (one fsync per group-committed batch). Survives power loss.
    /// </summary>
    Full = 1,
}
