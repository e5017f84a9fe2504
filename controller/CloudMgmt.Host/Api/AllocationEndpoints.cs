using CloudMgmt.Application.Allocations;
using CloudMgmt.Host.Auth;
using Microsoft.AspNetCore.Mvc;

namespace CloudMgmt.Host.Api;

/// <summary>Allocations: thin over <see cref="AllocationService"/>.</summary>
internal static class AllocationEndpoints
{
    public static void MapAllocations(this IEndpointRouteBuilder api)
    {
        var allocations = api.MapGroup("/allocations").WithTags("Allocations").RequireAuthorization(Roles.Authenticated);
        allocations.MapPost("/", Create)
            .WithSummary("Request capacity; ?dryRun=true explains the decision and changes nothing; honours Idempotency-Key")
            .WithDescription("A request is admitted against the quota tree and placed on a cloud. One that does not fit the quota is a 409 " +
                "(type quotaexceeded) with `shortfalls`. One that no registered cloud can hold is a 409 (type unplaceable) with `verdicts` " +
                "(each cloud and why it cannot hold it) and `placement` (the whole decision): nothing is reserved or charged and no allocation " +
                "is recorded, so the same Idempotency-Key may be sent again later. Only when the room chosen was taken by another request " +
                "before it could be held (twice) is the allocation recorded: it is then Failed (terminal; its quota returned; nothing held), " +
                "and the 409 names it in `allocation`. Resource amounts in answers are maps of name to amount ({\"vcpu\":16,\"memoryGiB\":64}), " +
                "placement shares included.");
        allocations.MapGet("/", async (HttpContext http, AllocationService service, [FromQuery] string? tenant, [FromQuery] string? status,
                [FromQuery] int? limit, [FromQuery] string? after) =>
                Problems.Of(await service.ListAsync(http.Caller(), new AllocationFilter(tenant, status, limit, after)), Results.Ok))
            .WithSummary("List the allocations of the tenants the caller reaches, with filters and paging");
        allocations.MapGet("/{id}", async (string id, HttpContext http, AllocationService service) =>
                Problems.Of(await service.GetAsync(http.Caller(), id), a => Results.Ok(AllocationResponse.From(a))))
            .WithSummary("One allocation with its decision and history (each entry names who)");
        allocations.MapGet("/{id}/placement", async (string id, HttpContext http, AllocationService service) =>
                Problems.Of(await service.ExplainPlacementAsync(http.Caller(), id), Results.Ok))
            .WithSummary("Explain an allocation's placement: the decision it keeps, and every cloud's verdicts now (recomputed)")
            .WithDescription("An allocation keeps a bounded decision: the chosen cloud(s), the next few candidates with their scores, " +
                "and how many clouds each filter refused. This computes the complete table again, against the clouds' current views " +
                "with the allocation's own holds counted as free, and says so (`recomputed`, `computedAt`, `note`): `current` may differ " +
                "from `decided`. Nothing is changed. The same callers as for reading the allocation may ask.")
            .Produces<PlacementExplanationResponse>();
        allocations.MapPatch("/{id}", async (string id, ResizeAllocationRequest body, HttpContext http, AllocationService service) =>
                Problems.Of(await service.ResizeAsync(http.Caller(), id, body), a => Results.Ok(AllocationResponse.From(a))))
            .WithSummary("Resize an allocation (JSON merge patch of its resources)")
            .WithDescription("The body is a JSON merge patch (RFC 7396; application/merge-patch+json or application/json): " +
                "each resource given gets that amount, a resource set to null is removed, and a resource not named keeps its amount. " +
                "The result is checked like a new request (at least one positive amount, quota, approval thresholds); a refused patch changes nothing.")
            .Accepts<ResizeAllocationRequest>("application/merge-patch+json", "application/json");
        allocations.MapDelete("/{id}", async (string id, HttpContext http, AllocationService service) =>
                Problems.Of(await service.ReleaseAsync(http.Caller(), id), a => Results.Ok(AllocationResponse.From(a))))
            .WithSummary("Release an allocation; its quota returns");
        allocations.MapPost("/{id}/approve", async (string id, DecisionNoteRequest? body, HttpContext http, AllocationService service) =>
                Problems.Of(await service.ApproveAsync(http.Caller(), id, body), a => Results.Ok(AllocationResponse.From(a))))
            .WithSummary("Approve a request waiting for approval (operators, within their part of the tree)")
            .WithDescription("An approval that no registered cloud can follow is a 409 (type unplaceable) with every cloud's `verdicts`; " +
                "the request keeps waiting for approval, unchanged (reject it, or approve it again once a cloud has room).");
        allocations.MapPost("/{id}/reject", async (string id, DecisionNoteRequest? body, HttpContext http, AllocationService service) =>
                Problems.Of(await service.RejectAsync(http.Caller(), id, body), a => Results.Ok(AllocationResponse.From(a))))
            .WithSummary("Reject a request waiting for approval (operators, within their part of the tree)");
    }

    private static async Task<IResult> Create(
        CreateAllocationRequest body, HttpContext http, AllocationService service, [FromQuery] bool? dryRun,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey)
    {
        if (dryRun == true)
        {
            return Problems.Of(await service.DryRunAsync(http.Caller(), body),
                d => Results.Ok(new DryRunResponse(true, d.Fits, AllocationService.WouldBe(d), DecisionResponse.From(d))));
        }

        var outcome = await service.CreateAsync(http.Caller(), body, idempotencyKey);
        if (outcome.Value is { Replayed: true })
        {
            http.Response.Headers["Idempotent-Replayed"] = "true"; // the same answer as the first time; nothing new was made
        }

        return Problems.Of(outcome, a => Results.Created($"/api/v1/allocations/{a.Id}", AllocationResponse.From(a)));
    }
}
