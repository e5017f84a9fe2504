using System.Data.Common;
using CloudMgmt.Domain.Audit;

namespace CloudMgmt.Grains.Persistence;

/// <summary>
/// The audit record's columns, in the order both stores declare, insert and select them, and the
/// one mapping from a row back to a record (the time column is read by the store, whose type differs).
/// </summary>
public static class AuditColumns
{
    public static readonly IReadOnlyList<string> Names =
    [
        "id", "at", "actor_kind", "actor_id", "actor_name", "actor_role", "actor_tenant", "actor_pool", "source", "request_id",
        "action", "target", "outcome", "detail", "scope_path", "scope_tenant", "prev_hash", "hash",
    ];

    public static readonly string List = string.Join(", ", Names);

    /// <summary>The values of a record in column order, null for SQL NULL.</summary>
    public static object?[] Values(AuditRecord record, object at)
    {
        var e = record.Entry;
        return
        [
            record.Id, at, e.Actor.Kind, e.Actor.Id, e.Actor.Name, e.Actor.Role, e.Actor.Tenant, e.Actor.Pool,
            e.Source, e.RequestId, e.Action, e.Target, e.Outcome, e.Detail, e.Scope.PoolPath, e.Scope.Tenant, record.PrevHash, record.Hash,
        ];
    }

    public static AuditRecord Read(DbDataReader row, DateTimeOffset at)
    {
        string? Text(int i) => row.IsDBNull(i) ? null : row.GetString(i);
        var actor = new AuditActor(row.GetString(2), Text(3), Text(4), Text(5), Text(6), Text(7));
        var entry = new AuditEntry(at, actor, Text(8), Text(9), row.GetString(10), Text(11), row.GetInt32(12), Text(13),
            new AuditScope(row.GetString(14), Text(15)));
        return new AuditRecord(row.GetInt64(0), entry, row.GetString(16), row.GetString(17));
    }

    /// <summary>A page from rows selected with one more than <paramref name="limit"/>: the extra row only says that there is a next page.</summary>
    public static async Task<AuditPage> PageAsync(DbDataReader rows, int limit, Func<DbDataReader, AuditRecord> read, CancellationToken cancellationToken)
    {
        var items = new List<AuditRecord>();
        while (await rows.ReadAsync(cancellationToken))
        {
            items.Add(read(rows));
        }

        var more = items.Count > limit;
        if (more)
        {
            items.RemoveAt(items.Count - 1);
        }

        return new AuditPage(items, more ? items[^1].Id : null);
    }

    /// <summary>What an action filter ending in a wildcard ("allocation.*") must start with; null for an exact action.</summary>
    public static string? Prefix(string action) => action.EndsWith('*') ? action[..^1] : null;
}
