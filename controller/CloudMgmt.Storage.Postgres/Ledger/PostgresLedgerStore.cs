using CloudMgmt.Grains.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace CloudMgmt.Storage.Postgres.Ledger;

/// <summary>
/// Ledger rows in <c>cloudmgmt_ledger_rows</c> on the cluster's database. One write is one
/// transaction of at most two statements (the upserts as one array-valued insert, the deletions as
/// one delete), so a ledger change costs the same round trips however many rows it touches.
/// </summary>
public sealed class PostgresLedgerStore(NpgsqlDataSource dataSource) : ILedgerStore
{
    private const string UpsertSql = """
        INSERT INTO cloudmgmt_ledger_rows (ledger, key, payload)
        SELECT $1, k, p FROM unnest($2::text[], $3::bytea[]) AS changed(k, p)
        ON CONFLICT (ledger, key) DO UPDATE SET payload = EXCLUDED.payload
        """;

    private const string DeleteSql = "DELETE FROM cloudmgmt_ledger_rows WHERE ledger = $1 AND key = ANY($2::text[])";

    public Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ReadAsync(string ledger) =>
        QueryAsync("SELECT key, payload FROM cloudmgmt_ledger_rows WHERE ledger = $1", ledger);

    /// <remarks>The key column's collation is "C" (migration 8), so this order is ordinal and the primary key's index serves it.</remarks>
    public Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ReadPageAsync(string ledger, string? after, int limit) =>
        QueryAsync("SELECT key, payload FROM cloudmgmt_ledger_rows WHERE ledger = $1 AND key > $2 ORDER BY key LIMIT $3",
            ledger, new NpgsqlParameter<string> { TypedValue = after ?? "" }, new NpgsqlParameter<int> { TypedValue = limit });

    public async Task<byte[]?> ReadRowAsync(string ledger, string key)
    {
        var rows = await QueryAsync("SELECT key, payload FROM cloudmgmt_ledger_rows WHERE ledger = $1 AND key = $2",
            ledger, new NpgsqlParameter<string> { TypedValue = key });
        return rows.Count == 0 ? null : rows[0].Value;
    }

    private async Task<IReadOnlyList<KeyValuePair<string, byte[]>>> QueryAsync(string sql, string ledger, params NpgsqlParameter[] rest)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ledger });
        command.Parameters.AddRange(rest);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<KeyValuePair<string, byte[]>>();
        while (await reader.ReadAsync())
        {
            rows.Add(new(reader.GetString(0), reader.GetFieldValue<byte[]>(1)));
        }

        return rows;
    }

    public async Task WriteAsync(string ledger, IReadOnlyCollection<KeyValuePair<string, byte[]?>> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        // The last change to a key wins, as it would applied one by one; a statement may not touch a row twice.
        var latest = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        foreach (var (key, payload) in changes)
        {
            latest[key] = payload;
        }

        var upserts = latest.Where(c => c.Value is not null).ToList();
        var deletes = latest.Where(c => c.Value is null).Select(c => c.Key).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (upserts.Count > 0)
        {
            batch.BatchCommands.Add(Command(UpsertSql, ledger,
                new NpgsqlParameter<string[]> { TypedValue = upserts.Select(u => u.Key).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new NpgsqlParameter<byte[][]> { TypedValue = upserts.Select(u => u.Value!).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea }));
        }

        if (deletes.Length > 0)
        {
            batch.BatchCommands.Add(Command(DeleteSql, ledger,
                new NpgsqlParameter<string[]> { TypedValue = deletes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text }));
        }

        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static NpgsqlBatchCommand Command(string sql, string ledger, params NpgsqlParameter[] rest)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ledger });
        foreach (var parameter in rest)
        {
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
