using CloudMgmt.Domain.Audit;
using CloudMgmt.Grains.Persistence;
using Npgsql;

namespace CloudMgmt.Storage.Postgres.Audit;

/// <summary>The statements that change the chain, each inside a transaction that holds the chain row's lock.</summary>
internal static class PostgresAuditChain
{
    private static readonly string Insert =
        $"INSERT INTO cloudmgmt_audit_records ({AuditColumns.List}) VALUES ({string.Join(", ", AuditColumns.Names.Select((_, i) => "$" + (i + 1)))})";

    /// <summary>Reads the head and locks it until the transaction ends: the other nodes' appends and prunes wait.</summary>
    public static async Task<AuditChainHead> LockHeadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        await ReadHeadAsync(connection, transaction, "FOR UPDATE", cancellationToken);

    public static async Task<AuditChainHead> ReadHeadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string suffix, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT first_id, first_prev_hash, last_id, last_hash FROM cloudmgmt_audit_chain WHERE singleton = 1 {suffix}", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new AuditChainHead(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3))
            : throw new InvalidOperationException("cloudmgmt_audit_chain has no row: the schema is not migrated (step 6)");
    }

    /// <summary>Chains <paramref name="entries"/> after <paramref name="head"/> and inserts them in one round trip; returns the new head.</summary>
    public static async Task<AuditChainHead> AppendAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, AuditChainHead head, IReadOnlyList<AuditEntry> entries, List<long> ids,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var entry in entries)
        {
            var record = AuditChain.Seal(head.LastId + 1, entry, head.LastHash);
            var command = new NpgsqlBatchCommand(Insert);
            foreach (var value in AuditColumns.Values(record, record.Entry.At))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }

            batch.BatchCommands.Add(command);
            ids.Add(record.Id);
            head = head with { LastId = record.Id, LastHash = record.Hash };
        }

        batch.BatchCommands.Add(SetHead(head));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return head;
    }

    public static NpgsqlBatchCommand SetHead(AuditChainHead head)
    {
        var command = new NpgsqlBatchCommand("UPDATE cloudmgmt_audit_chain SET first_id = $1, first_prev_hash = $2, last_id = $3, last_hash = $4 WHERE singleton = 1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = head.FirstId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = head.FirstPrevHash });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = head.LastId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = head.LastHash });
        return command;
    }
}
