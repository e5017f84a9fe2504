using CloudMgmt.Domain.Metering;
using Npgsql;
using NpgsqlTypes;

namespace CloudMgmt.Storage.Postgres.Usage;

/// <summary>
/// One meter's write as one transaction of two round trips: series and grant-hours first (the
/// insert returns which hours were new), then what only those add to days and months, and the
/// hours in progress. Two silos writing the same hour: the second insert waits for the first's
/// commit, finds the row, and adds nothing. Rows are written in key order, so concurrent writers
/// lock them in the same order.
/// </summary>
internal static class PostgresUsageWriter
{
    public static async Task WriteAsync(NpgsqlDataSource dataSource, UsageWrite write)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var closed = write.Closed.OrderBy(h => h.Grant.Series).ThenBy(h => h.Hour).ToList();
        var added = new HashSet<(long, long)>();
        await using (var first = new NpgsqlBatch(connection, transaction))
        {
            var series = write.Series.OrderBy(s => s.Series).ToList();
            first.BatchCommands.Add(Command(
                "INSERT INTO cloudmgmt_usage_series (series, cloud, allocation, tenant, pool, first_hour) " +
                "SELECT s, c, a, t, p, $6 FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[]) AS x(s, c, a, t, p) ON CONFLICT DO NOTHING",
                Array(series.Select(s => s.Series)), Array(series.Select(s => s.CloudId)), Array(series.Select(s => s.AllocationId)),
                Array(series.Select(s => s.Tenant)), Array(series.Select(s => s.Pool)), new NpgsqlParameter<long> { TypedValue = write.Hour }));
            first.BatchCommands.Add(Command(
                "INSERT INTO cloudmgmt_usage_hourly (series, hour, payload) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bytea[]) " +
                "ON CONFLICT DO NOTHING RETURNING series, hour",
                Array(closed.Select(h => h.Grant.Series)), Array(closed.Select(h => h.Hour)), Array(closed.Select(h => MeterCodec.Encode(h.Totals)))));
            await using var reader = await first.ExecuteReaderAsync();
            do
            {
                while (await reader.ReadAsync())
                {
                    added.Add((reader.GetInt64(0), reader.GetInt64(1))); // only the hours' insert returns rows
                }
            }
            while (await reader.NextResultAsync());
        }

        var (days, months) = UsageIncrements.Of(closed.Where(h => added.Contains((h.Grant.Series, h.Hour))));
        await using (var second = new NpgsqlBatch(connection, transaction))
        {
            second.BatchCommands.Add(Command(
                "DELETE FROM cloudmgmt_usage_open o USING unnest($1::bigint[], $2::bigint[]) AS c(series, hour) WHERE o.series = c.series AND o.hour <= c.hour",
                Array(closed.Select(h => h.Grant.Series)), Array(closed.Select(h => h.Hour))));
            AddDays(second, days.OrderBy(d => d.Key.Day).ThenBy(d => d.Key.CloudId, StringComparer.Ordinal).ThenBy(d => d.Key.Tenant, StringComparer.Ordinal)
                .ThenBy(d => d.Key.Pool, StringComparer.Ordinal).ThenBy(d => d.Key.Resource, StringComparer.Ordinal).ToList());
            AddMonths(second, months.OrderBy(m => m.Key.Month).ThenBy(m => m.Key.Series).ThenBy(m => m.Key.Resource, StringComparer.Ordinal).ToList());
            var open = write.Open.OrderBy(o => o.Series).ToList();
            second.BatchCommands.Add(Command(
                "INSERT INTO cloudmgmt_usage_open (series, cloud, hour, payload) SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bytea[]) " +
                "ON CONFLICT (series) DO UPDATE SET cloud = EXCLUDED.cloud, hour = EXCLUDED.hour, payload = EXCLUDED.payload",
                Array(open.Select(o => o.Series)), Array(open.Select(o => o.CloudId)), Array(open.Select(o => o.Hour)),
                Array(open.Select(o => MeterCodec.EncodeOpen(o.Totals, o.Last, o.LastSpent)))));
            await second.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static void AddDays(NpgsqlBatch batch, List<KeyValuePair<DayKey, DayIncrement>> days) =>
        batch.BatchCommands.Add(Command(
            "INSERT INTO cloudmgmt_usage_days (day, month, cloud, tenant, pool, resource, granted_ms, used_ms, held_ms) " +
            "SELECT * FROM unnest($1::integer[], $2::integer[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[], $9::bigint[]) " +
            "ON CONFLICT (day, cloud, tenant, pool, resource) DO UPDATE SET granted_ms = cloudmgmt_usage_days.granted_ms + EXCLUDED.granted_ms, " +
            "used_ms = cloudmgmt_usage_days.used_ms + EXCLUDED.used_ms, held_ms = cloudmgmt_usage_days.held_ms + EXCLUDED.held_ms",
            Array(days.Select(d => d.Key.Day.DayNumber)), Array(days.Select(d => MeteringCalendar.MonthOf(d.Key.Day).Index)),
            Array(days.Select(d => d.Key.CloudId)), Array(days.Select(d => d.Key.Tenant)), Array(days.Select(d => d.Key.Pool)), Array(days.Select(d => d.Key.Resource)),
            Array(days.Select(d => d.Value.GrantedMs)), Array(days.Select(d => d.Value.UsedMs)), Array(days.Select(d => d.Value.HeldMs))));

    private static void AddMonths(NpgsqlBatch batch, List<KeyValuePair<MonthKey, MonthIncrement>> months) =>
        batch.BatchCommands.Add(Command(
            "INSERT INTO cloudmgmt_usage_grant_months (month, series, resource, granted_ms, used_ms, held_hours, idle_hours, max_eff_ppm) " +
            "SELECT * FROM unnest($1::integer[], $2::bigint[], $3::text[], $4::bigint[], $5::bigint[], $6::integer[], $7::integer[], $8::bigint[]) " +
            "ON CONFLICT (month, series, resource) DO UPDATE SET granted_ms = cloudmgmt_usage_grant_months.granted_ms + EXCLUDED.granted_ms, " +
            "used_ms = cloudmgmt_usage_grant_months.used_ms + EXCLUDED.used_ms, held_hours = cloudmgmt_usage_grant_months.held_hours + EXCLUDED.held_hours, " +
            "idle_hours = cloudmgmt_usage_grant_months.idle_hours + EXCLUDED.idle_hours, " +
            "max_eff_ppm = GREATEST(cloudmgmt_usage_grant_months.max_eff_ppm, EXCLUDED.max_eff_ppm)",
            Array(months.Select(m => m.Key.Month.Index)), Array(months.Select(m => m.Key.Series)), Array(months.Select(m => m.Key.Resource)),
            Array(months.Select(m => m.Value.GrantedMs)), Array(months.Select(m => m.Value.UsedMs)), Array(months.Select(m => m.Value.HeldHours)),
            Array(months.Select(m => m.Value.IdleHours)), Array(months.Select(m => m.Value.MaxEfficiencyPpm))));

    internal static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    internal static NpgsqlParameter Array<T>(IEnumerable<T> values) => new NpgsqlParameter<T[]> { TypedValue = values.ToArray() };
}
