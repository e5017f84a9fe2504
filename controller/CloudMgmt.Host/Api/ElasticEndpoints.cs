using CloudMgmt.Application.Allocations;
using CloudMgmt.Application.Elastic;
using CloudMgmt.Host.Auth;
using Microsoft.AspNetCore.Mvc;

namespace CloudMgmt.Host.Api;

/// <summary>The elastic controller's operator endpoints and its event feed: thin over <see cref="ElasticService"/>.</summary>
internal static class ElasticEndpoints
{
    public static void MapElastic(this IEndpointRouteBuilder api)
    {
        var allocations = api.MapGroup("/allocations").WithTags("Elastic").RequireAuthorization(Roles.Authenticated);
        allocations.MapPost("/{id}/protect", async (string id, ProtectRequest body, HttpContext http, ElasticService service) =>
                Problems.Of(await service.ProtectAsync(http.Caller(), id, body), a => Results.Ok(AllocationResponse.From(a))))
            .WithSummary("Protect an allocation from elastic shrink and reclaim, or lift the protection: {\"protected\": true|false}")
            .Produces<AllocationResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        allocations.MapPost("/{id}/postpone", async (string id, PostponeRequest body, HttpContext http, ElasticService service) =>
                Problems.Of(await service.PostponeAsync(http.Caller(), id, body), a => Results.Ok(AllocationResponse.From(a))))
            .WithSummary("Postpone the reclaim of an idle allocation: {\"until\": \"2026-12-01T00:00:00Z\"} or {\"for\": \"P1D\"}")
            .Produces<AllocationResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/events", async (HttpContext http, ElasticService service, [FromQuery] string? kind, [FromQuery] string? tenant,
                [FromQuery] DateTimeOffset? since, [FromQuery] int? limit) =>
                Problems.Of(await service.EventsAsync(http.Caller(), new EventFilter(kind, tenant, since, limit)), Results.Ok))
            .RequireAuthorization(Roles.Authenticated).WithTags("Elastic")
            .WithSummary("Elastic events of the tenants the caller reaches, oldest first: ?kind=" + string.Join("|", ElasticService.Kinds) +
                ", ?tenant=, ?since=, ?limit= (default 100, at most 1000)")
            .Produces<ElasticEventsResponse>().ProducesValidationProblem();
    }
}
