using CloudMgmt.Domain.Metering;
using CloudMgmt.Grains.Persistence;
using Npgsql;

namespace CloudMgmt.Storage.Postgres.Usage;

/// <summary>Deletes what is past retention, in one transaction (see <see cref="IUsageStore.DeleteBeforeAsync"/>).</summary>
internal static class PostgresUsageRetention
{
    public static async Task<RetentionResult> ApplyAsync(NpgsqlDataSource dataSource, RetentionCutoff cutoff)
    {
        var month = MeteringCalendar.MonthOf(cutoff.DailyBefore).Index;
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        async Task<long> Run(string sql, params object[] values)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            foreach (var value in values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            return await command.ExecuteNonQueryAsync();
        }

        var result = new RetentionResult(
            // Per series, as the key runs: each grant's old hours are one index range.
            await Run("DELETE FROM cloudmgmt_usage_hourly h USING cloudmgmt_usage_series s WHERE h.series = s.series AND h.hour < $1", cutoff.HourlyBefore),
            await Run("DELETE FROM cloudmgmt_usage_days WHERE day < $1", cutoff.DailyBefore.DayNumber),
            await Run("DELETE FROM cloudmgmt_usage_grant_months WHERE month < $1", month),
            await Run("DELETE FROM cloudmgmt_usage_reclaims WHERE at_ms < $1", MeteringCalendar.HourStart(cutoff.DailyBeforeHour).ToUnixTimeMilliseconds()),
            await Run("""
                DELETE FROM cloudmgmt_usage_series s WHERE s.first_hour < $1
                  AND NOT EXISTS (SELECT 1 FROM cloudmgmt_usage_hourly x WHERE x.series = s.series)
                  AND NOT EXISTS (SELECT 1 FROM cloudmgmt_usage_open o WHERE o.series = s.series)
                  AND NOT EXISTS (SELECT 1 FROM cloudmgmt_usage_grant_months m WHERE m.month >= $2 AND m.series = s.series)
                """, cutoff.DailyBeforeHour, month));
        await transaction.CommitAsync();
        return result;
    }
}
