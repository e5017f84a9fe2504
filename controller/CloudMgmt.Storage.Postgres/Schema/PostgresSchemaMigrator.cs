using Microsoft.Extensions.Logging;
using Npgsql;

namespace CloudMgmt.Storage.Postgres.Schema;

/// <summary>What one run of the migrator found and did.</summary>
public sealed record SchemaMigrationResult(int VersionBefore, int VersionAfter, IReadOnlyList<int> Applied);

/// <summary>
/// Brings a PostgreSQL database to the latest schema (<see cref="SchemaMigration.All"/>): applies
/// each missing step in order and records it in <c>cloudmgmt_schema_version</c>. Idempotent, and
/// safe when several nodes start at once: the whole run holds a transaction-scoped advisory lock,
/// so the second node waits, then finds nothing left to do. DDL is transactional in PostgreSQL, so
/// a failed step leaves the database as it was.
/// </summary>
public sealed partial class PostgresSchemaMigrator(NpgsqlDataSource dataSource, ILogger<PostgresSchemaMigrator> logger)
{
    /// <summary>An arbitrary constant that names "the CloudMgmt schema" among advisory locks.</summary>
    private const long AdvisoryLockKey = 0x436C6F75644D676D; // "CloudMgm"

    public async Task<SchemaMigrationResult> ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS cloudmgmt_schema_version (
                version    integer     NOT NULL PRIMARY KEY,
                name       text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken);
        var before = await CurrentVersionAsync(connection, cancellationToken);
        var applied = new List<int>();
        foreach (var migration in SchemaMigration.All.Where(m => m.Version > before))
        {
            await ExecuteAsync(connection, migration.ReadScript(), cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO cloudmgmt_schema_version (version, name) VALUES ($1, $2)", connection);
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
            await record.ExecuteNonQueryAsync(cancellationToken);
            applied.Add(migration.Version);
            LogApplied(logger, migration.Version, migration.Name);
        }

        await transaction.CommitAsync(cancellationToken);
        var after = applied.Count > 0 ? applied[^1] : before;
        LogSchema(logger, after, applied.Count);
        return new SchemaMigrationResult(before, after, applied);
    }

    /// <summary>The recorded schema version, 0 for a database never migrated.</summary>
    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('cloudmgmt_schema_version') IS NOT NULL", connection);
        return await exists.ExecuteScalarAsync(cancellationToken) is true ? await CurrentVersionAsync(connection, cancellationToken) : 0;
    }

    private static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM cloudmgmt_schema_version", connection);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Applied PostgreSQL schema step {Version} ({Name})")]
    private static partial void LogApplied(ILogger logger, int version, string name);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "PostgreSQL schema at version {Version} ({Applied} steps applied now)")]
    private static partial void LogSchema(ILogger logger, int version, int applied);
}
