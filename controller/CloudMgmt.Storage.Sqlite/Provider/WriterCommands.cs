using Microsoft.Data.Sqlite;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>The prepared statements of one batch transaction.</summary>
internal sealed class WriterCommands : IDisposable
{
    private readonly SqliteCommand _selectVersion;
    private readonly SqliteCommand _upsertState;
    private readonly SqliteCommand _upsertRow;
    private readonly SqliteCommand _deleteRow;
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private AuditCommands? _audit;
    private UsageCommands? _usage;

    public WriterCommands(SqliteConnection connection, SqliteTransaction transaction)
    {
        (_connection, _transaction) = (connection, transaction);
        SqliteCommand Make(string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            return command;
        }

        _selectVersion = Make("SELECT version FROM grain_state WHERE key = $key", "$key");
        _upsertState = Make(
            "INSERT INTO grain_state (key, version, payload) VALUES ($key, $version, $payload) " +
            "ON CONFLICT(key) DO UPDATE SET version = excluded.version, payload = excluded.payload, " +
            "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')", "$key", "$version", "$payload");
        _upsertRow = Make(
            "INSERT INTO ledger_rows (ledger, key, payload) VALUES ($ledger, $key, $payload) " +
            "ON CONFLICT(ledger, key) DO UPDATE SET payload = excluded.payload", "$ledger", "$key", "$payload");
        _deleteRow = Make("DELETE FROM ledger_rows WHERE ledger = $ledger AND key = $key", "$ledger", "$key");
    }

    /// <summary>The audit trail's statements, made on first use: most batches carry no audit record.</summary>
    public AuditCommands Audit => _audit ??= new AuditCommands(_connection, _transaction);

    /// <summary>Writes what the batch kept for the end (the audit chain's head); called just before the commit.</summary>
    public void Finish() => _audit?.Finish();

    public SqliteConnection Connection => _connection;

    public SqliteTransaction Transaction => _transaction;

    /// <summary>The metering statements, prepared by the first write of the batch that needs them.</summary>
    public UsageCommands Usage => _usage ??= new UsageCommands(_connection, _transaction);

    public long? StateVersion(string key)
    {
        _selectVersion.Parameters["$key"].Value = key;
        return _selectVersion.ExecuteScalar() is long version ? version : null;
    }

    public void UpsertState(string key, long version, byte[] payload)
    {
        _upsertState.Parameters["$key"].Value = key;
        _upsertState.Parameters["$version"].Value = version;
        _upsertState.Parameters["$payload"].Value = payload;
        _upsertState.ExecuteNonQuery();
    }

    public void SetRow(string ledger, string key, byte[]? payload)
    {
        var command = payload is null ? _deleteRow : _upsertRow;
        command.Parameters["$ledger"].Value = ledger;
        command.Parameters["$key"].Value = key;
        if (payload is not null)
        {
            command.Parameters["$payload"].Value = payload;
        }

        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in new[] { _selectVersion, _upsertState, _upsertRow, _deleteRow })
        {
            command.Dispose();
        }

        _audit?.Dispose();
        _usage?.Dispose();
    }
}
