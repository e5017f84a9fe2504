using CloudMgmt.Application.Audit;
using CloudMgmt.Host.Auth;
using Microsoft.AspNetCore.Mvc;

namespace CloudMgmt.Host.Api;

/// <summary>The audit trail: thin over <see cref="AuditService"/>.</summary>
internal static class AuditEndpoints
{
    public static void MapAudit(this IEndpointRouteBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Roles.Authenticated);
        audit.MapGet("/", Query)
            .WithSummary("Audit records, oldest first: ?actor=key:key-1a2b&action=pool.*&target=pool:hefei&from=&to=&limit= (default 100, at most 1000)&after=; " +
                "&format=csv exports. Each caller sees the records of its part of the tree")
            .Produces<AuditPageResponse>().Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem();
        audit.MapGet("/verify", async (HttpContext http, AuditService service, CancellationToken ct) =>
                Problems.Of(await service.VerifyAsync(http.Caller(), ct), Results.Ok))
            .WithSummary("Check the audit trail's hash chain: {valid, records, firstBroken, lastHash}; for callers that reach the whole tree")
            .Produces<AuditVerifyResponse>();
    }

    private static async Task<IResult> Query(
        HttpContext http, AuditService service, [FromQuery] string? actor, [FromQuery] string? action, [FromQuery] string? target,
        [FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to, [FromQuery] int? limit, [FromQuery] long? after, [FromQuery] string? format)
    {
        if (format is not null && format is not ("csv" or "json"))
        {
            return Problems.Invalid(new() { ["format"] = ["is json or csv"] });
        }

        var page = await service.QueryAsync(http.Caller(), new AuditFilter(actor, action, target, from, to, limit, after));
        if (page.Value is { } p && format == "csv")
        {
            if (p.Next is { } next)
            {
                http.Response.Headers["X-Next-After"] = next.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Results.Text(AuditCsv.Write(p.Items), "text/csv");
        }

        return Problems.Of(page, Results.Ok);
    }
}
