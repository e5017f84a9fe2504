using CloudMgmt.Grains.Persistence;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>Ledger rows in the same SQLite file and the same group commit as the grain states.</summary>
public sealed class SqliteLedgerStore(SqliteDatabase database) : ILedgerStore
{
    public Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ReadAsync(string ledger) =>
        QueryAsync("SELECT key, payload FROM ledger_rows WHERE ledger = $ledger", ledger, null, -1);

    /// <remarks>Keys compare as SQLite's BINARY collation (bytes of UTF-8), which is ordinal order for the ids kept here.</remarks>
    public Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ReadPageAsync(string ledger, string? after, int limit) =>
        QueryAsync("SELECT key, payload FROM ledger_rows WHERE ledger = $ledger AND key > $after ORDER BY key LIMIT $limit",
            ledger, after ?? "", limit);

    public async Task<byte[]?> ReadRowAsync(string ledger, string key)
    {
        await using var connection = await database.OpenReadAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM ledger_rows WHERE ledger = $ledger AND key = $key";
        command.Parameters.AddWithValue("$ledger", ledger);
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteScalarAsync() as byte[];
    }

    private async Task<IReadOnlyList<KeyValuePair<string, byte[]>>> QueryAsync(string sql, string ledger, string? after, int limit)
    {
        await using var connection = await database.OpenReadAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$ledger", ledger);
        if (after is not null)
        {
            command.Parameters.AddWithValue("$after", after);
            command.Parameters.AddWithValue("$limit", limit);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<KeyValuePair<string, byte[]>>();
        while (await reader.ReadAsync())
        {
            rows.Add(new(reader.GetString(0), (byte[])reader.GetValue(1)));
        }

        return rows;
    }

    public Task WriteAsync(string ledger, IReadOnlyCollection<KeyValuePair<string, byte[]?>> changes) =>
        changes.Count == 0 ? Task.CompletedTask : database.Enqueue(new LedgerWrite(ledger, changes));
}
