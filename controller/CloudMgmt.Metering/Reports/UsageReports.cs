using CloudMgmt.Domain.Metering;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Grains.Usage;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Metering.Reports;

/// <summary>
/// A report request; <paramref name="Tenant"/> limits it to one tenant (a department's own view),
/// <paramref name="Pools"/> to the grants of those pools (a caller scoped to a subtree), whatever the grouping.
/// </summary>
public sealed record UsageReportQuery(DateTimeOffset From, DateTimeOffset To, ReportBy By, ReportStep Step, string? Tenant, IReadOnlySet<string>? Pools = null)
{
    public bool Includes(string pool) => Pools is null || Pools.Contains(pool);
}

/// <summary>
/// The efficiency report over any window within retention: granted, used and efficiency per
/// tenant, pool, cloud or resource, whole or per hour, day or month, from the stored figures
/// (closed hours only: the hour in progress is not in them yet), with what was reclaimed.
/// </summary>
public sealed class UsageReports(IUsageStore store, IOptions<MeteringOptions> options, TimeProvider time)
{
    public async Task<(UsageReportResult? Result, Dictionary<string, string[]> Errors)> BuildAsync(UsageReportQuery query)
    {
        var o = options.Value;
        var calendar = new MeteringCalendar(o.UtcOffset);
        var (window, errors) = ReportWindow.Of(query.From, query.To, query.Step, calendar, Retention.Cutoff(time.GetUtcNow(), o));
        if (window is null)
        {
            return (null, errors);
        }

        var reclaims = (await store.ReadReclaimsAsync(window.From, window.To, query.Tenant)).Where(r => query.Includes(r.Pool));
        IReadOnlyList<UsageReportRow> rows;
        if (window.Daily)
        {
            // Scoped to pools: summed per pool as well, so that the pools outside are left out before the rows are made.
            var grouping = UsageReport.GroupingFor(query.By, query.Step);
            grouping = query.Pools is null ? grouping : grouping with { ByPool = true };
            var sums = await store.SumDaysAsync(calendar.DayOf(window.From), calendar.DayOf(window.To), grouping, query.Tenant);
            rows = UsageReport.FromDays(window, query.By, query.Step, calendar, sums.Where(s => query.Includes(s.Pool!)), reclaims);
        }
        else
        {
            var hours = await store.ReadHoursAsync(MeteringCalendar.HourOf(window.From), MeteringCalendar.HourOf(window.To), query.Tenant);
            rows = UsageReport.FromHours(window, query.By, hours.Where(h => query.Includes(h.Grant.Pool)), reclaims);
        }

        return (new UsageReportResult(window, query.By, query.Step, rows), errors);
    }
}
