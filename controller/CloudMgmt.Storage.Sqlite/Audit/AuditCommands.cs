using CloudMgmt.Domain.Audit;
using CloudMgmt.Grains.Persistence;
using Microsoft.Data.Sqlite;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>
/// The audit statements of one batch transaction. The chain's head is read once per batch and kept
/// here, so the records of a batch link to each other in the order they were queued; it is written
/// back before the commit (<see cref="Finish"/>). A batch that rolls back takes its head with it.
/// </summary>
internal sealed class AuditCommands(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    private SqliteCommand? _insert;
    private AuditChainHead? _head;
    private bool _changed;

    public AuditRecord Append(AuditEntry entry)
    {
        var head = Head();
        var record = AuditChain.Seal(head.LastId + 1, entry, head.LastHash);
        _insert ??= Insert();
        var values = AuditColumns.Values(record, AuditChain.FormatTime(record.Entry.At));
        for (var i = 0; i < values.Length; i++)
        {
            _insert.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        _insert.ExecuteNonQuery();
        _head = head with { LastId = record.Id, LastHash = record.Hash };
        _changed = true;
        return record;
    }

    /// <summary>Deletes the records before <paramref name="cutoff"/> (a prefix of the chain) and re-anchors it.</summary>
    public long Prune(DateTimeOffset cutoff)
    {
        var head = Head();
        using var first = Command("SELECT id, prev_hash FROM audit_records WHERE at >= $cutoff ORDER BY id LIMIT 1");
        first.Parameters.AddWithValue("$cutoff", AuditChain.FormatTime(cutoff));
        long keepFrom;
        string prev;
        using (var reader = first.ExecuteReader())
        {
            (keepFrom, prev) = reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : (head.LastId + 1, head.LastHash);
        }

        if (keepFrom <= head.FirstId)
        {
            return 0;
        }

        using var delete = Command("DELETE FROM audit_records WHERE id < $keep");
        delete.Parameters.AddWithValue("$keep", keepFrom);
        var deleted = delete.ExecuteNonQuery();
        _head = head with { FirstId = keepFrom, FirstPrevHash = prev };
        _changed = true;
        return deleted;
    }

    public void Finish()
    {
        if (!_changed || _head is not { } head)
        {
            return;
        }

        using var update = Command("UPDATE audit_chain SET first_id = $fi, first_prev_hash = $fp, last_id = $li, last_hash = $lh WHERE singleton = 1");
        update.Parameters.AddWithValue("$fi", head.FirstId);
        update.Parameters.AddWithValue("$fp", head.FirstPrevHash);
        update.Parameters.AddWithValue("$li", head.LastId);
        update.Parameters.AddWithValue("$lh", head.LastHash);
        update.ExecuteNonQuery();
        _changed = false;
    }

    public void Dispose() => _insert?.Dispose();

    private AuditChainHead Head()
    {
        if (_head is null)
        {
            using var select = Command(AuditSchema.Head);
            using var reader = select.ExecuteReader();
            _head = reader.Read()
                ? new AuditChainHead(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3))
                : AuditChainHead.Empty;
        }

        return _head;
    }

    private SqliteCommand Insert()
    {
        var command = Command($"INSERT INTO audit_records ({AuditColumns.List}) VALUES ({string.Join(", ", AuditColumns.Names.Select(n => "$" + n))})");
        foreach (var name in AuditColumns.Names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = "$" + name });
        }

        return command;
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
