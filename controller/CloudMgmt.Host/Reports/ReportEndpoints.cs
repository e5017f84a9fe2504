using System.Security.Claims;
using CloudMgmt.Host.Api;
using CloudMgmt.Host.Auth;
using CloudMgmt.Metering.Reports;
using Microsoft.AspNetCore.Mvc;

namespace CloudMgmt.Host.Reports;

/// <summary>The report endpoints. The reports themselves are plain classes (CloudMgmt.Metering); these handlers parse, scope and format.</summary>
internal static class ReportEndpoints
{
    private static readonly ReportBy[] ByChoices = [ReportBy.Tenant, ReportBy.Pool, ReportBy.Cloud, ReportBy.Resource];
    private static readonly ReportStep[] StepChoices = [ReportStep.Whole, ReportStep.Hour, ReportStep.Day, ReportStep.Month];

    public static void MapReports(this IEndpointRouteBuilder api)
    {
        api.MapGet("/reports/efficiency", Efficiency).WithTags("Reports").RequireAuthorization(Roles.CanRead)
            .WithSummary("Granted, used and efficiency per tenant, pool, cloud or resource over any window within retention (default the last 24 closed hours), "
                + "whole or per hour, day or month (?step=); from the stored hourly and daily figures; ?format=csv or Accept: text/csv for CSV")
            .Produces<EfficiencyReportResponse>().Produces(StatusCodes.Status200OK, contentType: "text/csv");
        api.MapMeteringReports();
    }

    private static async Task<IResult> Efficiency(
        HttpContext http, UsageReports reports, TimeProvider time, ClaimsPrincipal user,
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

        // A department sees its own tenant only, whatever the grouping.
        var (result, invalid) = await reports.BuildAsync(new UsageReportQuery(start, end, grouping, bucket, user.BoundTenant()));
        if (result is null)
            return Problems.Invalid(invalid);
        return csv ? Results.Text(EfficiencyReport.ToCsv(result), "text/csv") : Results.Ok(EfficiencyReport.ToResponse(result));
    }
}
