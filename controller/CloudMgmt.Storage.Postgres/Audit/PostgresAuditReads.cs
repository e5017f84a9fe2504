using System.Data.Common;
using CloudMgmt.Domain.Audit;
using CloudMgmt.Grains.Persistence;
using Npgsql;

namespace CloudMgmt.Storage.Postgres.Audit;

/// <summary>Filtered, paged reads of the audit records.</summary>
internal static class PostgresAuditReads
{
    public static async Task<AuditPage> QueryAsync(NpgsqlDataSource dataSource, AuditQuery query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var where = new List<string>();
        void Add(string condition, object value)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
            where.Add(condition.Replace("@", "$" + command.Parameters.Count, StringComparison.Ordinal));
        }

        if (query.After is { } after) Add("id > @", after);
        if (query.Actor is { } actor) Add("(actor_id = @ OR actor_kind || ':' || actor_id = @)", actor);
        if (query.Action is { } action)
        {
            if (AuditColumns.Prefix(action) is { } prefix) Add("starts_with(action, @)", prefix);
            else Add("action = @", action);
        }

        if (query.Target is { } target) Add("target = @", target);
        if (query.From is { } from) Add("at >= @", AuditChain.Truncate(from));
        if (query.To is { } to) Add("at < @", AuditChain.Truncate(to));
        if (query.ScopePool is { } pool) Add("strpos(scope_path, @) > 0", "/" + pool + "/");
        if (query.ScopeTenant is { } tenant) Add("scope_tenant = @", tenant);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.Limit + 1 });
        command.CommandText = $"SELECT {AuditColumns.List} FROM cloudmgmt_audit_records" +
            (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") + $" ORDER BY id LIMIT ${command.Parameters.Count}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await AuditColumns.PageAsync(reader, query.Limit, Read, cancellationToken);
    }

    public static AuditRecord Read(DbDataReader row) => AuditColumns.Read(row, new DateTimeOffset(row.GetFieldValue<DateTime>(1), TimeSpan.Zero));
}
