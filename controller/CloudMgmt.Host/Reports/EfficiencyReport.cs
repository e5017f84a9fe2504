using CloudMgmt.Metering.Reports;

namespace CloudMgmt.Host.Reports;

/// <summary>The efficiency report's JSON form (its CSV is <see cref="Application.Reports.EfficiencyCsv"/>, which the console downloads too).</summary>
internal static class EfficiencyReport
{
    public static EfficiencyReportResponse ToResponse(UsageReportResult result) => new(
        result.Window.From, result.Window.To, ReportQuery.Name(result.By), ReportQuery.Name(result.Step), result.Rows.Select(Row).ToList());

    private static EfficiencyRowResponse Row(UsageReportRow row)
    {
        var hours = (decimal)(row.To - row.From).TotalHours;
        var r = row.Resources;
        return new EfficiencyRowResponse(
            row.From, row.To, row.Key,
            r.Where(e => e.Value.GrantedUnitHours > 0).ToDictionary(e => e.Key, e => (long)Math.Round(e.Value.MeanGranted, MidpointRounding.AwayFromZero)),
            r.Where(e => e.Value.UsedUnitHours > 0).ToDictionary(e => e.Key, e => (long)Math.Round(e.Value.MeanUsed, MidpointRounding.AwayFromZero)),
            r.Where(e => e.Value.Efficiency is not null).ToDictionary(e => e.Key, e => e.Value.Efficiency!.Value),
            r.Where(e => e.Value.Reclaimed > 0).ToDictionary(e => e.Key, e => e.Value.Reclaimed),
            (int)Math.Round(row.GrantHours / hours, MidpointRounding.AwayFromZero),
            r.ToDictionary(e => e.Key, e => Math.Round(e.Value.GrantedUnitHours, 6)),
            r.ToDictionary(e => e.Key, e => Math.Round(e.Value.UsedUnitHours, 6)),
            Math.Round(row.GrantHours, 6));
    }
}

/// <param name="Granted">Mean granted over the bucket, per resource, rounded to whole units.</param>
/// <param name="Used">Mean used over the bucket, per resource, rounded to whole units.</param>
/// <param name="Efficiency">Used over granted per resource (from the exact totals, to 4 places).</param>
/// <param name="Grants">The number of grants held, on average over the bucket, rounded.</param>
/// <param name="GrantedUnitHours">Unit-hours granted per resource (a vCPU for a day: 24).</param>
public sealed record EfficiencyRowResponse(
    DateTimeOffset From, DateTimeOffset To, string Key, IReadOnlyDictionary<string, long> Granted, IReadOnlyDictionary<string, long> Used,
    IReadOnlyDictionary<string, double> Efficiency, IReadOnlyDictionary<string, long> Reclaimed, int Grants,
    IReadOnlyDictionary<string, decimal> GrantedUnitHours, IReadOnlyDictionary<string, decimal> UsedUnitHours, decimal GrantHours);

public sealed record EfficiencyReportResponse(DateTimeOffset From, DateTimeOffset To, string By, string Step, IReadOnlyList<EfficiencyRowResponse> Rows);
