using CloudMgmt.Domain.Metering;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Grains.Usage;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>Metering in the same SQLite file and the same group commit as the grain states; reads on pooled connections.</summary>
public sealed class SqliteUsageStore(SqliteDatabase database) : IUsageStore
{
    public Task WriteAsync(UsageWrite write) => write.IsEmpty ? Task.CompletedTask : database.Enqueue(new UsageBatchWrite(write));

    public Task AddReclaimAsync(ReclaimRecord record) => database.Enqueue(new ReclaimWrite(record));

    public async Task<RetentionResult> DeleteBeforeAsync(RetentionCutoff cutoff)
    {
        var write = new UsageRetentionWrite(cutoff);
        await database.Enqueue(write);
        return await write.Result;
    }

    public Task<IReadOnlyList<(MeteredGrant Grant, OpenHourRow Row)>> ReadOpenAsync(string cloudId) => ReadAsync(
        "SELECT o.hour, o.payload, s.series, s.cloud, s.allocation, s.tenant, s.pool FROM usage_open o JOIN usage_series s ON s.series = o.series WHERE o.cloud = $1",
        [cloudId], (r, grants) =>
        {
            var grant = grants.Get(r, 2);
            var (totals, last, spent) = MeterCodec.DecodeOpen(Bytes(r, 1));
            return (grant, new OpenHourRow(grant.Series, cloudId, r.GetInt64(0), totals, last, spent));
        });

    public Task<IReadOnlyList<DaySum>> SumDaysAsync(DateOnly from, DateOnly to, DayGrouping grouping, string? tenant)
    {
        var (sql, parameters) = DaySumSql.Build("usage_days", from, to, grouping, tenant);
        return ReadAsync(sql, parameters, (r, _) => new DaySum(r.GetInt32(0), UsageReads.Text(r, 1), UsageReads.Text(r, 2), UsageReads.Text(r, 3), r.GetString(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7)));
    }

    public Task<IReadOnlyList<HourDetail>> ReadHoursAsync(long fromHour, long toHour, string? tenant) => ReadAsync(
        // Series first (CROSS JOIN keeps that order): each grant's hours are one range of the hourly key.
        "SELECT h.hour, h.payload, s.series, s.cloud, s.allocation, s.tenant, s.pool FROM usage_series s CROSS JOIN usage_hourly h " +
        "ON h.series = s.series AND h.hour >= $1 AND h.hour < $2" + (tenant is null ? "" : " WHERE s.tenant = $3"),
        tenant is null ? [fromHour, toHour] : [fromHour, toHour, tenant],
        (r, grants) => new HourDetail(r.GetInt64(0), grants.Get(r, 2), MeterCodec.Decode(Bytes(r, 1))));

    public Task<IReadOnlyList<GrantMonthFigures>> ReadMonthAsync(MeteringMonth month, string? tenant) => ReadAsync(
        "SELECT m.resource, m.granted_ms, m.used_ms, m.held_hours, m.idle_hours, m.max_eff_ppm, s.series, s.cloud, s.allocation, s.tenant, s.pool " +
        "FROM usage_grant_months m JOIN usage_series s ON s.series = m.series WHERE m.month = $1" + (tenant is null ? "" : " AND s.tenant = $2"),
        tenant is null ? [month.Index] : [month.Index, tenant],
        (r, grants) => new GrantMonthFigures(month, grants.Get(r, 6), r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt32(3), r.GetInt32(4), r.GetInt64(5)));

    public Task<IReadOnlyList<ReclaimRecord>> ReadReclaimsAsync(DateTimeOffset from, DateTimeOffset to, string? tenant) => ReadAsync(
        "SELECT at_ms, allocation, cloud, tenant, pool, payload, reason FROM usage_reclaims WHERE at_ms >= $1 AND at_ms < $2" +
        (tenant is null ? "" : " AND tenant = $3") + " ORDER BY at_ms",
        tenant is null ? [from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds()] : [from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), tenant],
        (r, _) => new ReclaimRecord(DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(0)), r.GetString(1), r.GetString(3), r.GetString(4), r.GetString(2),
            MeterCodec.DecodeVector(Bytes(r, 5)), r.GetString(6)));

    private async Task<IReadOnlyList<T>> ReadAsync<T>(string sql, object[] parameters, Func<System.Data.Common.DbDataReader, SeriesNames, T> map)
    {
        await using var connection = await database.OpenReadAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue("$" + (i + 1), parameters[i]);
        }

        return await UsageReads.ReadAllAsync(command, map);
    }

    private static byte[] Bytes(System.Data.Common.DbDataReader reader, int column) => reader.GetFieldValue<byte[]>(column);
}
