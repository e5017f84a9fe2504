using System.Security.Claims;
using CloudMgmt.Domain.Elastic;
using CloudMgmt.Grains.Allocations;
using CloudMgmt.Grains.Usage;
using CloudMgmt.Host.Auth;
using Microsoft.AspNetCore.Mvc;

namespace CloudMgmt.Host.Api;

public sealed record ProtectRequest(bool? Protected);

/// <param name="Until">Postpone the reclaim until this time; or</param>
/// <param name="For">for this long from now, as an ISO 8601 duration (e.g. "P1D", "PT12H").</param>
public sealed record PostponeRequest(DateTimeOffset? Until, string? For);

public sealed record PendingGrowResponse(IReadOnlyDictionary<string, long> Resources, string? Reason);

/// <summary>The elastic state of an allocation.</summary>
/// <param name="Protected">Elastic shrink and reclaim never touch it.</param>
/// <param name="PendingGrow">A grow above an approval threshold, waiting for an operator (approve or reject the allocation).</param>
public sealed record ElasticResponse(
    bool Protected, DateTimeOffset? PostponedUntil, DateTimeOffset? IdleMarkedAt, DateTimeOffset? LastActionAt, PendingGrowResponse? PendingGrow);

public sealed record ElasticEventResponse(DateTimeOffset At, string Kind, string AllocationId, string Tenant, string Pool, string Cloud, string Message);

public sealed record ElasticEventsResponse(IReadOnlyList<ElasticEventResponse> Items);

/// <summary>The elastic controller's operator endpoints and its event feed.</summary>
internal static class ElasticEndpoints
{
    private static readonly string[] Kinds = ["idle", "idle_cleared", "grow", "grow_requested", "shrink", "reclaim", "refused", "stuck"];

    public static void MapElastic(this IEndpointRouteBuilder api)
    {
        var allocations = api.MapGroup("/allocations").WithTags("Elastic");
        allocations.MapPost("/{id}/protect", Protect).RequireAuthorization(Roles.CanOperate)
            .WithSummary("Protect an allocation from elastic shrink and reclaim, or lift the protection: {\"protected\": true|false}")
            .Produces<AllocationResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        allocations.MapPost("/{id}/postpone", Postpone).RequireAuthorization(Roles.CanOperate)
            .WithSummary("Postpone the reclaim of an idle allocation: {\"until\": \"2026-12-01T00:00:00Z\"} or {\"for\": \"P1D\"}")
            .Produces<AllocationResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/events", Events).RequireAuthorization(Roles.CanRead).WithTags("Elastic")
            .WithSummary("Elastic events, oldest first: ?kind=" + string.Join("|", Kinds) + ", ?tenant=, ?since=, ?limit= (default 100, at most 1000)")
            .Produces<ElasticEventsResponse>().ProducesValidationProblem();
    }

    /// <summary>The elastic fields of an allocation response: idle since, when it will be reclaimed (after any postponement; null when protected), and the rest.</summary>
    public static (DateTimeOffset? IdleSince, DateTimeOffset? ReclaimAt, ElasticResponse? Elastic) Fields(AllocationElasticView? e)
    {
        if (e is null)
        {
            return (null, null, null);
        }

        var reclaimAt = new GrantElasticState(Domain.Resources.ResourceVector.Zero, e.IdleSince, e.IdleMarkedAt, e.ReclaimAt, e.Protected, e.PostponedUntil).EffectiveReclaimAt;
        var pending = e.PendingGrow is null ? null : new PendingGrowResponse(Dto.Map(e.PendingGrow), e.PendingGrowReason);
        return (e.IdleSince, reclaimAt, new ElasticResponse(e.Protected, e.PostponedUntil, e.IdleMarkedAt, e.LastActionAt, pending));
    }

    private static async Task<IResult> Protect(string id, ProtectRequest body, IGrainFactory grains, ClaimsPrincipal user)
    {
        if (body.Protected is not { } value)
        {
            return Problems.Invalid(new() { ["protected"] = ["is required: true or false"] });
        }

        return AllocationIds.LooksValid(id)
            ? Problems.Of(await grains.GetGrain<IAllocationGrain>(id).SetProtected(value, user.KeyId()), a => Results.Ok(Dto.Allocation(a)))
            : Problems.NotFound($"allocation '{TextRules.Echo(id)}' does not exist");
    }

    private static async Task<IResult> Postpone(string id, PostponeRequest body, IGrainFactory grains, ClaimsPrincipal user, TimeProvider time)
    {
        var now = time.GetUtcNow();
        DateTimeOffset? until = null;
        var errors = new Dictionary<string, string[]>();
        if ((body.Until is null) == (body.For is null))
        {
            errors["until"] = ["give either until (a time) or for (an ISO 8601 duration such as P1D), not both"];
        }
        else if (body.Until is { } at)
        {
            until = at > now ? at : null;
            if (until is null)
            {
                errors["until"] = ["must be in the future"];
            }
        }
        else
        {
            until = TimeRules.Duration(body.For!) is { } span && span > TimeSpan.Zero && span <= TimeSpan.FromDays(366) ? now + span : null;
            if (until is null)
            {
                errors["for"] = ["must be an ISO 8601 duration above zero and at most a year, such as P1D or PT12H"];
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        return AllocationIds.LooksValid(id)
            ? Problems.Of(await grains.GetGrain<IAllocationGrain>(id).PostponeReclaim(until!.Value, user.KeyId()), a => Results.Ok(Dto.Allocation(a)))
            : Problems.NotFound($"allocation '{TextRules.Echo(id)}' does not exist");
    }

    private static async Task<IResult> Events(
        IGrainFactory grains, ClaimsPrincipal user, [FromQuery] string? kind, [FromQuery] string? tenant, [FromQuery] DateTimeOffset? since, [FromQuery] int? limit)
    {
        var errors = new Dictionary<string, string[]>();
        if (kind is not null && !Kinds.Contains(kind))
        {
            errors["kind"] = ["must be one of " + string.Join(", ", Kinds)];
        }

        if (limit is < 1 or > 1000)
        {
            errors["limit"] = ["must be between 1 and 1000"];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        // A department sees its own tenant's events only, whatever it asks for.
        if (user.BoundTenant() is { } bound && tenant is not null && tenant != bound)
        {
            return Results.Ok(new ElasticEventsResponse([]));
        }

        var events = await grains.GetGrain<IElasticEventsGrain>(ElasticEventsGrain.Key).List(kind, user.BoundTenant() ?? tenant, since, limit ?? 100);
        return Results.Ok(new ElasticEventsResponse(events.Select(e => new ElasticEventResponse(e.At, e.Kind, e.AllocationId, e.Tenant, e.Pool, e.CloudId, e.Message)).ToList()));
    }
}
