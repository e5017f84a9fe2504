using CloudMgmt.Domain.Metering;
using Microsoft.Data.Sqlite;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>The metering statements of one batch transaction, prepared when a batch first needs them.</summary>
internal sealed class UsageCommands : IDisposable
{
    private readonly SqliteCommand _series;
    private readonly SqliteCommand _hour;
    private readonly SqliteCommand _closeOpen;
    private readonly SqliteCommand _open;
    private readonly SqliteCommand _day;
    private readonly SqliteCommand _month;
    private readonly SqliteCommand _reclaim;

    public UsageCommands(SqliteConnection connection, SqliteTransaction transaction)
    {
        SqliteCommand Make(string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            return command;
        }

        _series = Make("INSERT INTO usage_series (series, cloud, allocation, tenant, pool, first_hour) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING");
        _hour = Make("INSERT INTO usage_hourly (series, hour, payload) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING");
        _closeOpen = Make("DELETE FROM usage_open WHERE series = $1 AND hour <= $2");
        _open = Make("INSERT INTO usage_open (series, cloud, hour, payload) VALUES ($1, $2, $3, $4) " +
            "ON CONFLICT (series) DO UPDATE SET cloud = excluded.cloud, hour = excluded.hour, payload = excluded.payload");
        _day = Make("INSERT INTO usage_days (day, month, cloud, tenant, pool, resource, granted_ms, used_ms, held_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) " +
            "ON CONFLICT DO UPDATE SET granted_ms = granted_ms + excluded.granted_ms, used_ms = used_ms + excluded.used_ms, held_ms = held_ms + excluded.held_ms");
        _month = Make("INSERT INTO usage_grant_months (month, series, resource, granted_ms, used_ms, held_hours, idle_hours, max_eff_ppm) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) " +
            "ON CONFLICT DO UPDATE SET granted_ms = granted_ms + excluded.granted_ms, used_ms = used_ms + excluded.used_ms, " +
            "held_hours = held_hours + excluded.held_hours, idle_hours = idle_hours + excluded.idle_hours, max_eff_ppm = max(max_eff_ppm, excluded.max_eff_ppm)");
        _reclaim = Make("INSERT INTO usage_reclaims (at_ms, allocation, cloud, tenant, pool, payload, reason) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING");
    }

    public void Series(MeteredGrant grant, long firstHour) =>
        Run(_series, grant.Series, grant.CloudId, grant.AllocationId, grant.Tenant, grant.Pool, firstHour);

    /// <summary>Stores a closed hour; true when it was not stored before (only then does it count).</summary>
    public bool Hour(long series, long hour, byte[] payload)
    {
        var added = Run(_hour, series, hour, payload) == 1;
        Run(_closeOpen, series, hour);
        return added;
    }

    public void Open(OpenHourRow row) =>
        Run(_open, row.Series, row.CloudId, row.Hour, MeterCodec.EncodeOpen(row.Totals, row.Last, row.LastSpent));

    public void AddDay(DayKey key, DayIncrement increment) =>
        Run(_day, key.Day.DayNumber, MeteringCalendar.MonthOf(key.Day).Index, key.CloudId, key.Tenant, key.Pool, key.Resource, increment.GrantedMs, increment.UsedMs, increment.HeldMs);

    public void AddMonth(MonthKey key, MonthIncrement increment) =>
        Run(_month, key.Month.Index, key.Series, key.Resource, increment.GrantedMs, increment.UsedMs, increment.HeldHours, increment.IdleHours, increment.MaxEfficiencyPpm);

    public void Reclaim(long atMs, string allocation, string cloud, string tenant, string pool, byte[] payload, string reason) =>
        Run(_reclaim, atMs, allocation, cloud, tenant, pool, payload, reason);

    public void Dispose()
    {
        foreach (var command in new[] { _series, _hour, _closeOpen, _open, _day, _month, _reclaim })
        {
            command.Dispose();
        }
    }

    private static int Run(SqliteCommand command, params object[] values)
    {
        if (command.Parameters.Count == 0)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = "$" + (i + 1) });
            }
        }

        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command.ExecuteNonQuery();
    }
}
