using System.Security.Claims;
using CloudMgmt.Host.Api;
using CloudMgmt.Host.Auth;
using CloudMgmt.Metering.Budgets;
using CloudMgmt.Metering.Statements;
using CloudMgmt.Metering.Supervision;
using Microsoft.AspNetCore.Mvc;

namespace CloudMgmt.Host.Reports;

/// <summary>Statements, budgets and the supervision report over a month. The handlers parse, scope and format; the work is in CloudMgmt.Metering.</summary>
internal static class MeteringEndpoints
{
    private enum StatementBy
    {
        Tenant,
        Pool,
    }

    public static void MapMeteringReports(this IEndpointRouteBuilder api)
    {
        api.MapGet("/reports/statement", Statement).WithTags("Reports").RequireAuthorization(Roles.CanRead)
            .WithSummary("A month's showback statement priced from the service catalogue, per department (by=tenant) or per pool (by=pool): lines per service and price period " +
                "with granted and used quantities, unit price and amount, and totals that add up to the fen; a department key sees its own statement only; ?format=csv or Accept: text/csv for CSV")
            .Produces<StatementResponse>().Produces(StatusCodes.Status200OK, contentType: "text/csv");
        api.MapGet("/reports/budgets", Budgets).WithTags("Reports").RequireAuthorization(Roles.CanRead)
            .WithSummary("Each pool's budget for a month (covering its subtree), its spend to date and a month-end forecast; operators and viewers")
            .Produces<IReadOnlyList<PoolBudgetResponse>>();
        api.MapGet("/reports/supervision", Supervision).WithTags("Reports").RequireAuthorization(Roles.CanRead)
            .WithSummary("The monthly supervision report: per department its efficiency, idle grants and for how long, capacity reclaimed and rank in its pool; " +
                "and the grants whose efficiency stayed below the threshold all month; a department key sees its own row; ?format=csv for CSV")
            .Produces<SupervisionResponse>().Produces(StatusCodes.Status200OK, contentType: "text/csv");
    }

    private static async Task<IResult> Statement(
        HttpContext http, StatementService statements, ClaimsPrincipal user, [FromQuery] string? month, [FromQuery] string? by, [FromQuery] string? format)
    {
        var errors = new Dictionary<string, string[]>();
        var which = ReportQuery.Month(month, statements.CurrentMonth, errors);
        var grouping = ReportQuery.Choice(by, "by", [StatementBy.Tenant, StatementBy.Pool], errors);
        var csv = ReportQuery.WantsCsv(http, format, errors);
        if (errors.Count == 0 && statements.Refuse(which) is { } why)
            errors["month"] = [why];
        if (errors.Count > 0)
            return Problems.Invalid(errors);
        var tenant = user.BoundTenant();
        if (tenant is not null && grouping == StatementBy.Pool)
            return Forbidden("a department key sees its own statement only (by=tenant)");

        var statement = await statements.BuildAsync(which, tenant);
        var byPool = grouping == StatementBy.Pool;
        return csv ? Results.Text(StatementOutput.ToCsv(statement, byPool), "text/csv") : Results.Ok(StatementOutput.ToResponse(statement, byPool));
    }

    private static async Task<IResult> Budgets(StatementService statements, PoolBudgets budgets, ClaimsPrincipal user, [FromQuery] string? month)
    {
        var errors = new Dictionary<string, string[]>();
        var which = ReportQuery.Month(month, statements.CurrentMonth, errors);
        if (errors.Count == 0 && statements.Refuse(which) is { } why)
            errors["month"] = [why];
        if (errors.Count > 0)
            return Problems.Invalid(errors);
        if (user.BoundTenant() is not null)
            return Forbidden("budgets are for operators and viewers; a department key sees its own statement");

        var result = await budgets.ForAsync(which);
        return Results.Ok(result.Select(b => new PoolBudgetResponse(b.Pool, b.Month.ToString(), b.Budget, b.SpendToDate, b.Forecast, b.OverBudget, b.ClosedThrough)).ToList());
    }

    private static async Task<IResult> Supervision(
        HttpContext http, StatementService statements, SupervisionService supervision, ClaimsPrincipal user, [FromQuery] string? month, [FromQuery] string? format)
    {
        var errors = new Dictionary<string, string[]>();
        var which = ReportQuery.Month(month, statements.CurrentMonth, errors);
        var csv = ReportQuery.WantsCsv(http, format, errors);
        if (errors.Count == 0 && statements.Refuse(which) is { } why)
            errors["month"] = [why];
        if (errors.Count > 0)
            return Problems.Invalid(errors);

        var result = await supervision.BuildAsync(which, user.BoundTenant());
        return csv ? Results.Text(SupervisionOutput.ToCsv(result), "text/csv") : Results.Ok(SupervisionOutput.ToResponse(result));
    }

    private static IResult Forbidden(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", type: "https://cloudmgmt.dev/problems/forbidden");
}

/// <param name="Budget">From the service catalogue's budgets; null when the pool has none.</param>
/// <param name="Forecast">Spend to date plus the last whole day's rate for the hours left in the month.</param>
public sealed record PoolBudgetResponse(string Pool, string Month, decimal? Budget, decimal SpendToDate, decimal Forecast, bool OverBudget, DateTimeOffset ClosedThrough);
