using System.Diagnostics;
using System.Security.Claims;
using CloudMgmt.Domain.Allocations;
using CloudMgmt.Grains.Allocations;
using CloudMgmt.Host.Auth;
using CloudMgmt.Host.Monitoring;
using CloudMgmt.Reconciliation.Monitoring;
using Microsoft.AspNetCore.Mvc;

namespace CloudMgmt.Host.Api;

internal static partial class AllocationEndpoints
{
    public static void MapAllocations(this IEndpointRouteBuilder api)
    {
        var allocations = api.MapGroup("/allocations").WithTags("Allocations");
        allocations.MapPost("/", Create).RequireAuthorization(Roles.CanRequest)
            .WithSummary("Request capacity; ?dryRun=true explains the decision and changes nothing; honours Idempotency-Key");
        allocations.MapGet("/", List).RequireAuthorization(Roles.CanRead).WithSummary("List allocations, with filters and paging");
        allocations.MapGet("/{id}", Get).RequireAuthorization(Roles.CanRead).WithSummary("One allocation with its decision and history");
        allocations.MapPatch("/{id}", Resize).RequireAuthorization(Roles.CanRequest).WithSummary("Resize an allocation (JSON merge patch of its resources)")
            .WithDescription("The body is a JSON merge patch (RFC 7396; application/merge-patch+json or application/json): " +
                "each resource given gets that amount, a resource set to null is removed, and a resource not named keeps its amount. " +
                "The result is checked like a new request (at least one positive amount, quota, approval thresholds); a refused patch changes nothing.")
            .Accepts<ResizeAllocationRequest>("application/merge-patch+json", "application/json");
        allocations.MapDelete("/{id}", Release).RequireAuthorization(Roles.CanRequest).WithSummary("Release an allocation; its quota returns");
        allocations.MapPost("/{id}/approve", Approve).RequireAuthorization(Roles.CanOperate).WithSummary("Approve a request waiting for approval");
        allocations.MapPost("/{id}/reject", Reject).RequireAuthorization(Roles.CanOperate).WithSummary("Reject a request waiting for approval");
    }

    private static async Task<IResult> Create(
        CreateAllocationRequest body, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response, [FromQuery] bool? dryRun,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey)
    {
        var parsed = AllocationInput.Parse(body, user, idempotencyKey);
        if (parsed.Problem is { } problem)
        {
            return problem;
        }

        var request = parsed.Request!;
        if (dryRun == true)
        {
            var decision = await grains.GetGrain<IAdmissionAdvisorGrain>(0).Evaluate(request);
            return Problems.Of(decision, d => Results.Ok(new DryRunResponse(true, d.Fits, WouldBe(d), Dto.Decision(d))));
        }

        var id = AllocationIds.For(request.Tenant, idempotencyKey);
        var started = Stopwatch.GetTimestamp();
        var outcome = await grains.GetGrain<IAllocationGrain>(id).Submit(request);
        AdmissionMetrics.Record(outcome, Stopwatch.GetElapsedTime(started));
        if (outcome.Value is { Replayed: true })
        {
            response.Headers["Idempotent-Replayed"] = "true"; // the same answer as the first time; nothing new was made
        }

        return Problems.Of(outcome, a => Results.Created($"/api/v1/allocations/{a.Id}", Dto.Allocation(a)));
    }

    private static string WouldBe(AdmissionDecision d) =>
        !d.Fits ? "Rejected"
        : d.NeedsApproval ? nameof(AllocationStatus.PendingApproval)
        : d.Placeable switch
        {
            null => nameof(AllocationStatus.Admitted),
            true => nameof(AllocationStatus.Placed),
            false => nameof(AllocationStatus.Failed),
        };

    private static async Task<IResult> Get(string id, IGrainFactory grains, ClaimsPrincipal user) =>
        await VisibleAsync(id, grains, user) is { } a ? Results.Ok(Dto.Allocation(a)) : Missing(id);

    private static async Task<IResult> Resize(string id, ResizeAllocationRequest body, IGrainFactory grains, ClaimsPrincipal user)
    {
        var v = new Validation();
        var patch = v.ResourcePatch("resources", body.Resources);
        if (!v.Ok)
        {
            return v.Problem();
        }

        if (await VisibleAsync(id, grains, user) is null)
        {
            return Missing(id);
        }

        var outcome = await grains.GetGrain<IAllocationGrain>(id).Patch(patch!, user.KeyId());
        return Problems.Of(outcome, a => Results.Ok(Dto.Allocation(a)));
    }

    private static async Task<IResult> Release(string id, IGrainFactory grains, ClaimsPrincipal user)
    {
        if (await VisibleAsync(id, grains, user) is null)
        {
            return Missing(id);
        }

        var outcome = await grains.GetGrain<IAllocationGrain>(id).Release(user.KeyId());
        return Problems.Of(outcome, a => Results.Ok(Dto.Allocation(a)));
    }

    private static async Task<IResult> Approve(string id, DecisionNoteRequest? body, IGrainFactory grains, ClaimsPrincipal user) =>
        Problems.Of(await grains.GetGrain<IAllocationGrain>(id).Approve(user.KeyId(), body?.Reason), a => Results.Ok(Dto.Allocation(a)));

    private static async Task<IResult> Reject(string id, DecisionNoteRequest? body, IGrainFactory grains, ClaimsPrincipal user) =>
        Problems.Of(await grains.GetGrain<IAllocationGrain>(id).Reject(user.KeyId(), body?.Reason), a => Results.Ok(Dto.Allocation(a)));

    /// <summary>
    /// The allocation if it exists and this caller may see it. Another tenant's allocation is
    /// reported exactly like a missing one, so a department cannot even learn that it exists.
    /// </summary>
    private static async Task<AllocationView?> VisibleAsync(string id, IGrainFactory grains, ClaimsPrincipal user)
    {
        if (!AllocationIds.LooksValid(id))
        {
            return null;
        }

        var view = await grains.GetGrain<IAllocationGrain>(id).Get();
        return view is not null && user.MaySee(view.Tenant) ? view : null;
    }

    private static IResult Missing(string id) => Problems.NotFound($"allocation '{TextRules.Echo(id)}' does not exist");
}
