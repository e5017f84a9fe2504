using CloudMgmt.Grains.Persistence;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>Ledger rows in the same SQLite file and the same group commit as the grain states.</summary>
public sealed class SqliteLedgerStore(SqliteDatabase database) : ILedgerStore
{
    public async Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ReadAsync(string ledger)
    {
        await using var connection = await database.OpenReadAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, payload FROM ledger_rows WHERE ledger = $ledger";
        command.Parameters.AddWithValue("$ledger", ledger);
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
