using System.Globalization;
using CloudMgmt.Domain.Audit;
using CloudMgmt.Grains.Persistence;
using Microsoft.Data.Sqlite;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>
/// The audit trail in the state file. Appends and pruning go through the database's single writer,
/// in the same group commit as grain states, so a record costs one row in a transaction that was
/// being written anyway; the writer is also what gives the chain its one order.
/// </summary>
public sealed class SqliteAuditStore(SqliteDatabase database) : IAuditStore
{
    public Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        var write = new AuditAppend(entry);
        database.Enqueue(write);
        return write.Id;
    }

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenReadAsync();
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        void Add(string condition, string name, object value)
        {
            where.Add(condition);
            command.Parameters.AddWithValue(name, value);
        }

        if (query.After is { } after) Add("id > $after", "$after", after);
        if (query.Actor is { } actor) Add("(actor_id = $actor OR actor_kind || ':' || actor_id = $actor)", "$actor", actor);
        if (query.Action is { } action)
        {
            if (AuditColumns.Prefix(action) is { } prefix) Add("substr(action, 1, length($action)) = $action", "$action", prefix);
            else Add("action = $action", "$action", action);
        }

        if (query.Target is { } target) Add("target = $target", "$target", target);
        if (query.From is { } from) Add("at >= $from", "$from", AuditChain.FormatTime(from));
        if (query.To is { } to) Add("at < $to", "$to", AuditChain.FormatTime(to));
        if (query.ScopePool is { } pool) Add("instr(scope_path, $pool) > 0", "$pool", "/" + pool + "/");
        if (query.ScopeTenant is { } tenant) Add("scope_tenant = $tenant", "$tenant", tenant);
        command.CommandText = $"SELECT {AuditColumns.List} FROM audit_records" +
            (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") + " ORDER BY id LIMIT $limit";
        command.Parameters.AddWithValue("$limit", query.Limit + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await AuditColumns.PageAsync(reader, query.Limit, Read, cancellationToken);
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenReadAsync();
        // One read transaction: under WAL it sees one snapshot, so records written or pruned meanwhile do not count.
        await using var snapshot = connection.BeginTransaction(deferred: true);
        await using var head = connection.CreateCommand();
        head.Transaction = snapshot;
        head.CommandText = AuditSchema.Head;
        AuditChainHead chain;
        await using (var row = await head.ExecuteReaderAsync(cancellationToken))
        {
            chain = await row.ReadAsync(cancellationToken)
                ? new AuditChainHead(row.GetInt64(0), row.GetString(1), row.GetInt64(2), row.GetString(3))
                : AuditChainHead.Empty;
        }

        var verifier = new AuditVerifier(chain);
        await using var all = connection.CreateCommand();
        all.Transaction = snapshot;
        all.CommandText = $"SELECT {AuditColumns.List} FROM audit_records ORDER BY id";
        await using var reader = await all.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken) && verifier.Accept(Read(reader)))
        {
        }

        return verifier.Result();
    }

    public Task<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var write = new AuditPrune(before);
        database.Enqueue(write);
        return write.Deleted;
    }

    private static AuditRecord Read(System.Data.Common.DbDataReader row) =>
        AuditColumns.Read(row, DateTimeOffset.Parse(row.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));
}
