using CloudMgmt.Application.Reports;
using CloudMgmt.Host.Api;
using CloudMgmt.Host.Auth;
using CloudMgmt.Metering.Reports;
using Microsoft.AspNetCore.Mvc;

namespace CloudMgmt.Host.Reports;

/// <summary>The report endpoints: they parse and format; <see cref="ReportService"/> confines each report to the caller's part of the tree.</summary>
internal static class ReportEndpoints
{
    private static readonly ReportBy[] ByChoices = [ReportBy.Tenant, ReportBy.Pool, ReportBy.Cloud, ReportBy.Resource];
    private static readonly ReportStep[] StepChoices = [ReportStep.Whole, ReportStep.Hour, ReportStep.Day, ReportStep.Month];

    public static void MapReports(this IEndpointRouteBuilder api)
    {
        api.MapGet("/reports/efficiency", Efficiency).WithTags("Reports").RequireAuthorization(Roles.Authenticated)
            .WithSummary("Granted, used and efficiency per tenant, pool, cloud or resource over any window within retention (default the last 24 closed hours), "
                + "whole or per hour, day or month (?step=); from the stored hourly and daily figures; each caller sees the grants of its part of the tree; "
                + "?format=csv or Accept: text/csv for CSV")
            .Produces<EfficiencyReportResponse>().Produces(StatusCodes.Status200OK, contentType: "text/csv");
        api.MapMeteringReports();
    }

    private static async Task<IResult> Efficiency(
        HttpContext http, ReportService reports, TimeProvider time,
        [FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to, [FromQuery] string? by, [FromQuery] string? step, [FromQuery] string? format)
    {
        var errors = new Dictionary<string, string[]>();
        var end = to ?? Domain.Metering.MeteringCalendar.HourStart(Domain.Metering.MeteringCalendar.HourOf(time.GetUtcNow()));
        var start = from ?? end - TimeSpan.FromHours(24);
        var grouping = ReportQuery.Choice(by, "by", ByChoices, errors);
        var bucket = ReportQuery.Choice(step, "step", StepChoices, errors);
        var csv = ReportQuery.WantsCsv(http, format, errors);
        if (errors.Count > 0)
            return Problems.Invalid(errors);

        var report = await reports.EfficiencyAsync(http.Caller(), start, end, grouping, bucket);
        return Problems.Of(report, r => csv ? Results.Text(Application.Reports.EfficiencyCsv.Write(r), "text/csv") : Results.Ok(EfficiencyReport.ToResponse(r)));
    }
}
