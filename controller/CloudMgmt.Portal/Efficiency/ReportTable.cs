using CloudMgmt.Metering.Reports;

namespace CloudMgmt.Portal.Efficiency;

/// <summary>The efficiency report as the page shows it: one line per key, the resources present in any row in the console's order.</summary>
public static class ReportTable
{
    public static IReadOnlyList<string> Resources(UsageReportResult report) =>
        report.Rows.SelectMany(r => r.Resources.Where(f => f.Value.GrantedUnitHours > 0).Select(f => f.Key)).Distinct()
            .OrderBy(Components.Units.Order).ThenBy(r => r, StringComparer.Ordinal).ToList();

    /// <summary>A mean amount as the API's JSON rounds it: to whole units.</summary>
    public static long Whole(double mean) => (long)Math.Round(mean, MidpointRounding.AwayFromZero);

    /// <summary>The file name of the CSV download: efficiency-by-tenant-2026120100-2026120800.csv (the window's hours in the province's time).</summary>
    public static string FileName(UsageReportResult report, TimeSpan offset) =>
        $"efficiency-by-{report.By.ToString().ToLowerInvariant()}-{report.Window.From.ToOffset(offset):yyyyMMddHH}-{report.Window.To.ToOffset(offset):yyyyMMddHH}.csv";
}
