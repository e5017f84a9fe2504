namespace CloudMgmt.Storage.Sqlite;

/// <summary>
/// The metering tables (see <see cref="CloudMgmt.Grains.Persistence.IUsageStore"/>). Grant-hours are
/// the bulk: one row per grant and hour, keyed by series then hour (a grant's range is one seek; the
/// retention deletes per series), the figures in a compact blob. Series carry the names once.
/// </summary>
internal static class SqliteUsageSchema
{
    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS usage_series (
            series     INTEGER PRIMARY KEY,
            cloud      TEXT    NOT NULL,
            allocation TEXT    NOT NULL,
            tenant     TEXT    NOT NULL,
            pool       TEXT    NOT NULL,
            first_hour INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS usage_series_tenant ON usage_series (tenant);
        CREATE TABLE IF NOT EXISTS usage_hourly (
            series  INTEGER NOT NULL,
            hour    INTEGER NOT NULL,
            payload BLOB    NOT NULL,
            PRIMARY KEY (series, hour)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS usage_open (
            series  INTEGER PRIMARY KEY,
            cloud   TEXT    NOT NULL,
            hour    INTEGER NOT NULL,
            payload BLOB    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS usage_open_cloud ON usage_open (cloud);
        CREATE TABLE IF NOT EXISTS usage_days (
            day        INTEGER NOT NULL,
            month      INTEGER NOT NULL,
            cloud      TEXT    NOT NULL,
            tenant     TEXT    NOT NULL,
            pool       TEXT    NOT NULL,
            resource   TEXT    NOT NULL,
            granted_ms INTEGER NOT NULL,
            used_ms    INTEGER NOT NULL,
            held_ms    INTEGER NOT NULL,
            PRIMARY KEY (day, cloud, tenant, pool, resource)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS usage_days_tenant ON usage_days (tenant, day);
        CREATE TABLE IF NOT EXISTS usage_grant_months (
            month       INTEGER NOT NULL,
            series      INTEGER NOT NULL,
            resource    TEXT    NOT NULL,
            granted_ms  INTEGER NOT NULL,
            used_ms     INTEGER NOT NULL,
            held_hours  INTEGER NOT NULL,
            idle_hours  INTEGER NOT NULL,
            max_eff_ppm INTEGER NOT NULL,
            PRIMARY KEY (month, series, resource)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS usage_reclaims (
            at_ms      INTEGER NOT NULL,
            allocation TEXT    NOT NULL,
            cloud      TEXT    NOT NULL,
            tenant     TEXT    NOT NULL,
            pool       TEXT    NOT NULL,
            payload    BLOB    NOT NULL,
            reason     TEXT    NOT NULL,
            PRIMARY KEY (at_ms, allocation)
        ) WITHOUT ROWID;
        """;
}
