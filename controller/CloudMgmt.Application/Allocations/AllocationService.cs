using System.Diagnostics;
using CloudMgmt.Application.Access;
using CloudMgmt.Application.Audit;
using CloudMgmt.Application.Tree;
using CloudMgmt.Domain.Allocations;
using CloudMgmt.Grains;
using CloudMgmt.Grains.Allocations;

namespace CloudMgmt.Application.Allocations;

/// <summary>
/// Requests for capacity and what is done to them: departments request, resize and release their
/// tenant's; operators do the same and approve or reject, within their part of the tree. Another
/// part's allocation is answered exactly as a missing one.
/// </summary>
public sealed partial class AllocationService(IGrainFactory grains, AccessCheck access, AuditTrail audit, TimeProvider time)
{
    private IAllocationGrain Grain(string id) => grains.GetGrain<IAllocationGrain>(id);

    /// <summary>An admission (or its dry run, which changes nothing and is not recorded).</summary>
    /// <returns>The allocation; <c>Replayed</c> says a retry was answered with what was already done.</returns>
    public async Task<Outcome<AllocationView>> CreateAsync(Caller caller, CreateAllocationRequest body, string? idempotencyKey)
    {
        var op = Operations.AllocationCreate;
        var target = new Resource(ResourceKind.Allocation, null, [], body.Tenant ?? caller.Principal.Tenant);
        if (await access.RoleAsync(caller, op, target) is { } refused)
        {
            return refused;
        }

        var (request, invalid) = AllocationInput.Parse(body, caller.Principal, idempotencyKey);
        if (invalid is not null)
        {
            return await audit.RefuseAsync(caller, op, target, invalid);
        }

        if (await ReachesTenantAsync(caller, op, request!.Tenant) is { } hidden)
        {
            return hidden;
        }

        var id = AllocationIds.For(request.Tenant, idempotencyKey);
        var started = Stopwatch.GetTimestamp();
        var outcome = await Grain(id).Submit(request);
        AdmissionMetrics.Record(outcome, Stopwatch.GetElapsedTime(started));
        outcome = await NotPlacedAsync(outcome);
        var resource = outcome.Value is { } made ? TreeLookup.Allocation(made) : await TenantPlaceAsync(request.Tenant, id);
        return await audit.RecordAsync(caller, op, resource, outcome, Outcomes.Created, a =>
            (a.Replayed ? "a retry (same Idempotency-Key): nothing new; " : "") + $"{a.Status}: {Changes.Show(request.Resources)} for tenant '{a.Tenant}'");
    }

    public async Task<Outcome<AdmissionDecision>> DryRunAsync(Caller caller, CreateAllocationRequest body)
    {
        var op = Operations.AllocationCreate;
        var target = new Resource(ResourceKind.Allocation, null, [], body.Tenant ?? caller.Principal.Tenant);
        if (await access.RoleAsync(caller, op, target) is { } refused)
        {
            return refused;
        }

        var (request, invalid) = AllocationInput.Parse(body, caller.Principal, null);
        if (invalid is not null)
        {
            return invalid;
        }

        return await ReachesTenantAsync(caller, op, request!.Tenant) is { } hidden ? hidden : await grains.GetGrain<IAdmissionAdvisorGrain>(0).Evaluate(request);
    }

    public async Task<Outcome<AllocationView>> GetAsync(Caller caller, string id) =>
        await FindAsync(caller, Operations.AllocationRead, id) is var (view, refused) && refused is not null ? refused : view!;

    public Task<Outcome<AllocationView>> ResizeAsync(Caller caller, string id, ResizeAllocationRequest body)
    {
        var v = new Validation();
        var patch = v.ResourcePatch("resources", body.Resources);
        return ChangeAsync(caller, Operations.AllocationResize, id, v.Failure(), (grain, by) => grain.Patch(patch!, by),
            (before, after) => $"resources {Changes.Show(before.Resources)} → {Changes.Show(after.Resources)}; {after.Status}");
    }

    public Task<Outcome<AllocationView>> ReleaseAsync(Caller caller, string id) =>
        ChangeAsync(caller, Operations.AllocationRelease, id, null, (grain, by) => grain.Release(by), (_, after) => $"{after.Status}");

    public Task<Outcome<AllocationView>> ApproveAsync(Caller caller, string id, DecisionNoteRequest? body) =>
        ChangeAsync(caller, Operations.AllocationApprove, id, Note(body), async (grain, by) => await NotPlacedAsync(await grain.Approve(by, body?.Reason)),
            (before, after) => $"{before.Status} → {after.Status}" + (body?.Reason is { } r ? $": {r}" : ""));

    public Task<Outcome<AllocationView>> RejectAsync(Caller caller, string id, DecisionNoteRequest? body) =>
        ChangeAsync(caller, Operations.AllocationReject, id, Note(body), (grain, by) => grain.Reject(by, body?.Reason),
            (before, after) => $"{before.Status} → {after.Status}" + (body?.Reason is { } r ? $": {r}" : ""));

    /// <summary>The common shape of a change to an existing allocation: role, input, reach, the grain's call, one record.</summary>
    internal async Task<Outcome<AllocationView>> ChangeAsync(
        Caller caller, Operation op, string id, Failure? invalid, Func<IAllocationGrain, string, Task<Outcome<AllocationView>>> change,
        Func<AllocationView, AllocationView, string> detail)
    {
        var target = new Resource(ResourceKind.Allocation, id, []);
        if (await access.RoleAsync(caller, op, target) is { } refused)
        {
            return refused;
        }

        if (invalid is not null)
        {
            return await audit.RefuseAsync(caller, op, target, invalid);
        }

        if (await FindAsync(caller, op, id) is var (before, hidden) && hidden is not null)
        {
            return hidden;
        }

        var outcome = await change(Grain(id), caller.Ref);
        return await audit.RecordAsync(caller, op, TreeLookup.Allocation(before!), outcome, Outcomes.Ok, after => detail(before!, after));
    }

    /// <summary>The allocation, if it exists and the caller reaches it; otherwise the refusal (a 404 either way), recorded.</summary>
    private async Task<(AllocationView? View, Failure? Refused)> FindAsync(Caller caller, Operation op, string id)
    {
        var target = new Resource(ResourceKind.Allocation, id, []);
        if (await access.RoleAsync(caller, op, target) is { } refused)
        {
            return (null, refused);
        }

        var missing = Failure.NotFound($"allocation '{TextRules.Echo(id)}' does not exist");
        if (!AllocationIds.LooksValid(id) || await Grain(id).Get() is not { } view)
        {
            return (null, await access.MissingAsync(caller, op, target with { Id = AllocationIds.LooksValid(id) ? id : "(malformed)" }, missing));
        }

        return await access.ResourceAsync(caller, op, TreeLookup.Allocation(view), missing) is { } hidden ? (null, hidden) : (view, null);
    }

    /// <summary>
    /// For a caller scoped to a pool, the tenant must lie in its subtree, or it reads as missing (as the
    /// grain would say of a tenant that does not exist). A department's own tenant was checked by the
    /// input; unscoped callers reach every tenant: neither costs a look-up on the admission path.
    /// </summary>
    private async Task<Failure?> ReachesTenantAsync(Caller caller, Operation op, string tenant)
    {
        if (caller.Principal.Pool is null)
        {
            return null;
        }

        var missing = Failure.Invalid("tenant", $"tenant '{TextRules.Echo(tenant)}' does not exist");
        if (await access.Tree.TenantAsync(tenant) is not var (_, resource))
        {
            return await access.MissingAsync(caller, op, new Resource(ResourceKind.Tenant, tenant, [], tenant), missing);
        }

        return await access.ResourceAsync(caller, op, resource, missing);
    }

    private async Task<Resource> TenantPlaceAsync(string tenant, string id) =>
        await access.Tree.TenantAsync(tenant) is var (_, resource) ? resource with { Kind = ResourceKind.Allocation, Id = id } : new Resource(ResourceKind.Allocation, id, [], tenant);

    private static Failure? Note(DecisionNoteRequest? body) =>
        body?.Reason is { Length: > 1000 } ? Failure.Invalid("reason", "must be at most 1000 characters") : null;

    /// <summary>
    /// A request no cloud can hold is not a success. The grain refuses it before anything is charged
    /// (<see cref="FailureKind.Unplaceable"/>, no record); in the rare race where the room chosen was
    /// taken before it could be held, even after a second decision, the allocation is already recorded:
    /// it is left Failed (terminal, its quota returned, nothing held on any cloud) and the answer is
    /// the same 409, naming it. A retry with the same Idempotency-Key is answered alike. The allocation
    /// keeps a bounded decision, so every cloud's verdicts are computed again for the answer.
    /// </summary>
    internal async Task<Outcome<AllocationView>> NotPlacedAsync(Outcome<AllocationView> outcome) =>
        outcome.Value is { Status: AllocationStatus.Failed } failed
            ? new Failure(FailureKind.Unplaceable,
                $"no cloud could hold the request; allocation '{failed.Id}' is Failed and holds nothing ({failed.History[^1].Message})",
                PlacementJson: await Grain(failed.Id).ExplainPlacement() ?? failed.Decision.PlacementJson, Allocation: failed.Id)
            : outcome;

    /// <summary>What a dry run's decision would make of the request.</summary>
    public static string WouldBe(AdmissionDecision d) =>
        !d.Fits ? "Rejected"
        : d.NeedsApproval ? nameof(AllocationStatus.PendingApproval)
        : d.Placeable switch
        {
            null => nameof(AllocationStatus.Admitted),
            true => nameof(AllocationStatus.Placed),
            false => nameof(AllocationStatus.Failed),
        };
}
