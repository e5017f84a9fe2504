namespace CloudMgmt.Grains.Persistence;

/// <summary>
/// The daily-sums query of <see cref="IUsageStore.SumDaysAsync"/>, the same on SQLite and PostgreSQL
/// but for the table's name: positional parameters <c>$1..$n</c>, a bucket per day, month or price
/// period (a CASE over the periods' first days), and the dimensions asked for.
/// </summary>
public static class DaySumSql
{
    public static (string Sql, object[] Parameters) Build(string table, DateOnly from, DateOnly to, DayGrouping grouping, string? tenant)
    {
        var parameters = new List<object> { from.DayNumber, to.DayNumber };
        string Parameter(object value)
        {
            parameters.Add(value);
            return "$" + parameters.Count;
        }

        var bucket = grouping.Bucket switch
        {
            DayBucket.Day => "day",
            DayBucket.Month => "month",
            _ => Periods(grouping.PeriodStarts ?? [], Parameter),
        };
        var filter = tenant is null ? "" : " AND tenant = " + Parameter(tenant);
        string Keep(bool keep, string column) => keep ? column : "NULL";
        var keys = string.Join("", new[] { (grouping.ByCloud, "cloud"), (grouping.ByTenant, "tenant"), (grouping.ByPool, "pool") }.Where(k => k.Item1).Select(k => ", " + k.Item2));
        var sql = $"SELECT {bucket} AS bucket, {Keep(grouping.ByCloud, "cloud")}, {Keep(grouping.ByTenant, "tenant")}, {Keep(grouping.ByPool, "pool")}, resource, " +
            $"CAST(SUM(granted_ms) AS BIGINT), CAST(SUM(used_ms) AS BIGINT), CAST(SUM(held_ms) AS BIGINT) FROM {table} WHERE day >= $1 AND day < $2{filter} GROUP BY 1{keys}, resource";
        return (sql, parameters.ToArray());
    }

    private static string Periods(IReadOnlyList<DateOnly> starts, Func<object, string> parameter)
    {
        if (starts.Count <= 1)
        {
            return "0";
        }

        var cases = starts.Skip(1).Select((start, i) => $"WHEN day < {parameter(start.DayNumber)} THEN {i}");
        return $"CASE {string.Join(" ", cases)} ELSE {starts.Count - 1} END";
    }
}
