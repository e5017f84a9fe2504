using CloudMgmt.Domain.Audit;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>
/// The audit trail's tables: the records (append-only; ids in the order stored) and one row that
/// anchors the chain (where it starts after pruning, where it ends). Created with the rest of the
/// schema, idempotently, so an older state file gains them on its next start.
/// </summary>
internal static class AuditSchema
{
    public static readonly string Sql = $"""
        CREATE TABLE IF NOT EXISTS audit_records (
            id           INTEGER PRIMARY KEY,
            at           TEXT    NOT NULL,
            actor_kind   TEXT    NOT NULL,
            actor_id     TEXT,
            actor_name   TEXT,
            actor_role   TEXT,
            actor_tenant TEXT,
            actor_pool   TEXT,
            source       TEXT,
            request_id   TEXT,
            action       TEXT    NOT NULL,
            target       TEXT,
            outcome      INTEGER NOT NULL,
            detail       TEXT,
            scope_path   TEXT    NOT NULL,
            scope_tenant TEXT,
            prev_hash    TEXT    NOT NULL,
            hash         TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS audit_records_at ON audit_records (at);
        CREATE TABLE IF NOT EXISTS audit_chain (
            singleton       INTEGER PRIMARY KEY CHECK (singleton = 1),
            first_id        INTEGER NOT NULL,
            first_prev_hash TEXT    NOT NULL,
            last_id         INTEGER NOT NULL,
            last_hash       TEXT    NOT NULL
        );
        INSERT OR IGNORE INTO audit_chain VALUES (1, 1, '{AuditChain.Genesis}', 0, '{AuditChain.Genesis}');
        """;

    public const string Head = "SELECT first_id, first_prev_hash, last_id, last_hash FROM audit_chain WHERE singleton = 1";
}
