using Microsoft.Data.Sqlite;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>Opens the writer connection, sets the journal and durability mode, and creates the schema (idempotent, versioned).</summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    /// <remarks>
    /// journal_size_limit makes the writer cut the log file back to the limit whenever it starts the
    /// log over; <see cref="WalCheckpointer"/> makes sure that happens under a steady load too.
    /// </remarks>
    public static async Task<SqliteConnection> OpenAsync(
        string connectionString, SqliteSynchronousMode synchronous, long walSizeLimit, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var sync = synchronous == SqliteSynchronousMode.Full ? "FULL" : "NORMAL";
        await ExecuteAsync(connection, $"""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = {sync};
            PRAGMA busy_timeout = 5000;
            PRAGMA wal_autocheckpoint = 0;
            PRAGMA journal_size_limit = {walSizeLimit};
            CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS grain_state (
                key        TEXT PRIMARY KEY,
                version    INTEGER NOT NULL,
                payload    BLOB NOT NULL,
                updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS ledger_rows (
                ledger     TEXT NOT NULL,
                key        TEXT NOT NULL,
                payload    BLOB NOT NULL,
                PRIMARY KEY (ledger, key)
            ) WITHOUT ROWID;
            INSERT INTO schema_version (version) SELECT {Version} WHERE NOT EXISTS (SELECT 1 FROM schema_version);
            {AuditSchema.Sql}
            {SqliteUsageSchema.Ddl}
            """, cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
