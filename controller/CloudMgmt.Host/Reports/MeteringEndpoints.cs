using CloudMgmt.Application.Reports;
using CloudMgmt.Host.Api;
using CloudMgmt.Host.Auth;
using Microsoft.AspNetCore.Mvc;

namespace CloudMgmt.Host.Reports;

/// <summary>Statements, budgets and the supervision report over a month. The handlers parse and format; <see cref="ReportService"/> confines each to the caller's part of the tree.</summary>
internal static class MeteringEndpoints
{
    private enum StatementBy
    {
        Tenant,
        Pool,
    }

    public static void MapMeteringReports(this IEndpointRouteBuilder api)
    {
        api.MapGet("/reports/statement", Statement).WithTags("Reports").RequireAuthorization(Roles.Authenticated)
            .WithSummary("A month's showback statement priced from the service catalogue, per department (by=tenant) or per pool (by=pool): lines per service and price period " +
                "with granted and used quantities, unit price and amount, and totals that add up to the fen; a caller scoped to a pool sees its subtree's, a department its own (by=tenant); ?format=csv or Accept: text/csv for CSV")
            .Produces<StatementResponse>().Produces(StatusCodes.Status200OK, contentType: "text/csv");
        api.MapGet("/reports/budgets", Budgets).WithTags("Reports").RequireAuthorization(Roles.Authenticated)
            .WithSummary("Each pool's budget for a month (covering its subtree), its spend to date and a month-end forecast; operators and viewers, the pools of their part of the tree")
            .Produces<IReadOnlyList<PoolBudgetResponse>>();
        api.MapGet("/reports/supervision", Supervision).WithTags("Reports").RequireAuthorization(Roles.Authenticated)
            .WithSummary("The monthly supervision report: per department its efficiency, idle grants and for how long, capacity reclaimed and rank in its pool; " +
                "and the grants whose efficiency stayed below the threshold all month; a caller scoped to a pool sees its subtree's departments, a department key its own row; ?format=csv for CSV")
            .Produces<SupervisionResponse>().Produces(StatusCodes.Status200OK, contentType: "text/csv");
    }

    private static async Task<IResult> Statement(
        HttpContext http, ReportService reports, [FromQuery] string? month, [FromQuery] string? by, [FromQuery] string? format)
    {
        var errors = new Dictionary<string, string[]>();
        var which = ReportQuery.Month(month, reports.CurrentMonth, errors);
        var grouping = ReportQuery.Choice(by, "by", [StatementBy.Tenant, StatementBy.Pool], errors);
        var csv = ReportQuery.WantsCsv(http, format, errors);
        if (MonthRefused(reports, which, errors) is { } invalid)
            return invalid;

        var byPool = grouping == StatementBy.Pool;
        return Problems.Of(await reports.StatementAsync(http.Caller(), which, byPool), s =>
            csv ? Results.Text(StatementOutput.ToCsv(s, byPool), "text/csv") : Results.Ok(StatementOutput.ToResponse(s, byPool)));
    }

    private static async Task<IResult> Budgets(HttpContext http, ReportService reports, [FromQuery] string? month)
    {
        var errors = new Dictionary<string, string[]>();
        var which = ReportQuery.Month(month, reports.CurrentMonth, errors);
        if (MonthRefused(reports, which, errors) is { } invalid)
            return invalid;

        return Problems.Of(await reports.BudgetsAsync(http.Caller(), which), result => Results.Ok(result
            .Select(b => new PoolBudgetResponse(b.Pool, b.Month.ToString(), b.Budget, b.SpendToDate, b.Forecast, b.OverBudget, b.ClosedThrough)).ToList()));
    }

    private static async Task<IResult> Supervision(HttpContext http, ReportService reports, [FromQuery] string? month, [FromQuery] string? format)
    {
        var errors = new Dictionary<string, string[]>();
        var which = ReportQuery.Month(month, reports.CurrentMonth, errors);
        var csv = ReportQuery.WantsCsv(http, format, errors);
        if (MonthRefused(reports, which, errors) is { } invalid)
            return invalid;

        return Problems.Of(await reports.SupervisionAsync(http.Caller(), which), r =>
            csv ? Results.Text(SupervisionOutput.ToCsv(r), "text/csv") : Results.Ok(SupervisionOutput.ToResponse(r)));
    }

    /// <summary>The 400 for the parameters' errors and a month that cannot be reported on; null when all is well.</summary>
    private static IResult? MonthRefused(ReportService reports, Domain.Metering.MeteringMonth month, Dictionary<string, string[]> errors)
    {
        if (errors.Count == 0 && reports.Refuse(month) is { } why)
            errors["month"] = [why];
        return errors.Count > 0 ? Problems.Invalid(errors) : null;
    }
}

/// <param name="Budget">From the service catalogue's budgets; null when the pool has none.</param>
/// <param name="Forecast">Spend to date plus the last whole day's rate for the hours left in the month.</param>
public sealed record PoolBudgetResponse(string Pool, string Month, decimal? Budget, decimal SpendToDate, decimal Forecast, bool OverBudget, DateTimeOffset ClosedThrough);
