using System.Security.Claims;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains.Usage;
using CloudMgmt.Host.Api;
using CloudMgmt.Host.Auth;
using Microsoft.AspNetCore.Mvc;

namespace CloudMgmt.Host.Reports;

/// <summary>GET /api/v1/reports/efficiency: granted, used, efficiency and reclaimed per tenant, pool or cloud over a window, as JSON or CSV.</summary>
internal static class ReportEndpoints
{
    /// <summary>How far back the controller keeps usage (the clouds' usage history); longer windows are Prometheus' job.</summary>
    private static readonly TimeSpan MaxWindow = TimeSpan.FromHours(24);

    public static void MapReports(this IEndpointRouteBuilder api)
    {
        api.MapGet("/reports/efficiency", Efficiency).WithTags("Reports").RequireAuthorization(Roles.CanRead)
            .WithSummary("Usage efficiency per tenant, pool or cloud over a window (default the last hour); ?format=csv or Accept: text/csv for CSV")
            .Produces<EfficiencyReportResponse>().Produces(StatusCodes.Status200OK, contentType: "text/csv");
    }

    private static async Task<IResult> Efficiency(
        HttpContext http, IGrainFactory grains, TimeProvider time, ClaimsPrincipal user,
        [FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to, [FromQuery] string? by, [FromQuery] string? format)
    {
        var end = to ?? time.GetUtcNow();
        var start = from ?? end - TimeSpan.FromHours(1);
        var errors = new Dictionary<string, string[]>();
        if (start >= end)
            errors["from"] = ["from must be before to"];
        if (end - start > MaxWindow)
            errors["from"] = [$"the controller keeps {MaxWindow.TotalHours:F0} h of usage; for longer windows query Prometheus (recording rule tenant_resource:cloudmgmt_usage_efficiency:ratio)"];
        if (!Enum.TryParse<ReportGrouping>(by ?? "tenant", ignoreCase: true, out var grouping) || int.TryParse(by, out _))
            errors["by"] = ["by is one of tenant, pool, cloud"];
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) || http.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.Ordinal);
        if (format is not null && !csv && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
            errors["format"] = ["format is json or csv"];
        if (errors.Count > 0)
            return Problems.Invalid(errors);

        var (averages, reclaimed) = await GatherAsync(grains, start, end);
        // A department sees its own tenant only, whatever the grouping.
        if (user.BoundTenant() is { } tenant)
        {
            averages = averages.Where(a => a.Average.Tenant == tenant).ToList();
            reclaimed = reclaimed.Where(r => r.Tenant == tenant).ToList();
        }
        var rows = EfficiencyReport.Build(averages, reclaimed, grouping);
        return csv
            ? Results.Text(EfficiencyReport.ToCsv(rows, grouping), "text/csv")
            : Results.Ok(new EfficiencyReportResponse(start, end, grouping.ToString().ToLowerInvariant(), rows.Select(r => new EfficiencyRowResponse(
                r.Key, Dto.Map(r.Granted), Dto.Map(r.Used), r.Efficiency, Dto.Map(r.Reclaimed), r.Grants)).ToList()));
    }

    private static async Task<(List<(string, GrantUsageAverage Average)>, List<ReclaimRecord>)> GatherAsync(IGrainFactory grains, DateTimeOffset from, DateTimeOffset to)
    {
        var clouds = await grains.GetGrain<ICloudDirectoryGrain>(CloudDirectoryGrain.Key).List();
        var averages = new List<(string, GrantUsageAverage)>();
        var reclaimed = new List<ReclaimRecord>();
        foreach (var cloudId in clouds)
        {
            var usage = grains.GetGrain<ICloudUsageGrain>(cloudId);
            averages.AddRange((await usage.Summarize(from, to)).Select(a => (cloudId, a)));
            reclaimed.AddRange(await usage.Reclaimed(from, to));
        }
        return (averages, reclaimed);
    }
}

public sealed record EfficiencyRowResponse(
    string Key, IReadOnlyDictionary<string, long> Granted, IReadOnlyDictionary<string, long> Used, IReadOnlyDictionary<string, double> Efficiency,
    IReadOnlyDictionary<string, long> Reclaimed, int Grants);

public sealed record EfficiencyReportResponse(DateTimeOffset From, DateTimeOffset To, string By, IReadOnlyList<EfficiencyRowResponse> Rows);
