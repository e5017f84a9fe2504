using CloudMgmt.Domain.Metering;
using CloudMgmt.Grains.Persistence;
using Microsoft.Data.Sqlite;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>
/// Deletes what is past retention. Grant-hours are deleted series by series (their key starts with
/// the series), so the work is one short range per grant rather than a scan of every hour kept.
/// A series goes once nothing within the daily retention refers to it.
/// </summary>
internal sealed class UsageRetentionWrite(RetentionCutoff cutoff) : BatchedWrite
{
    private readonly TaskCompletionSource<RetentionResult> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RetentionResult? _result;

    public Task<RetentionResult> Result => _done.Task;

    public override Task Completion => _done.Task;

    public override void Execute(WriterCommands commands)
    {
        var (connection, transaction) = (commands.Connection, commands.Transaction);
        var month = MeteringCalendar.MonthOf(cutoff.DailyBefore).Index;
        var dailyHour = cutoff.DailyBeforeHour;
        var series = new List<long>();
        using (var list = Command(connection, transaction, "SELECT series FROM usage_series"))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read())
            {
                series.Add(reader.GetInt64(0));
            }
        }

        long hours = 0;
        using (var delete = Command(connection, transaction, "DELETE FROM usage_hourly WHERE series = $s AND hour < $h", ("$h", cutoff.HourlyBefore)))
        {
            var s = delete.Parameters.Add(new SqliteParameter("$s", 0L));
            foreach (var id in series)
            {
                s.Value = id;
                hours += delete.ExecuteNonQuery();
            }
        }

        _result = new RetentionResult(
            hours,
            Run(connection, transaction, "DELETE FROM usage_days WHERE day < $d", ("$d", cutoff.DailyBefore.DayNumber)),
            Run(connection, transaction, "DELETE FROM usage_grant_months WHERE month < $m", ("$m", month)),
            Run(connection, transaction, "DELETE FROM usage_reclaims WHERE at_ms < $t", ("$t", MeteringCalendar.HourStart(dailyHour).ToUnixTimeMilliseconds())),
            Run(connection, transaction, """
                DELETE FROM usage_series WHERE first_hour < $h
                  AND NOT EXISTS (SELECT 1 FROM usage_hourly x WHERE x.series = usage_series.series)
                  AND NOT EXISTS (SELECT 1 FROM usage_open o WHERE o.series = usage_series.series)
                  AND NOT EXISTS (SELECT 1 FROM usage_grant_months m WHERE m.month >= $m AND m.series = usage_series.series)
                """, ("$h", dailyHour), ("$m", month)));
    }

    public override void Complete() => _done.TrySetResult(_result!);

    public override void Fail(Exception exception) => _done.TrySetException(exception);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static long Run(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }
}
