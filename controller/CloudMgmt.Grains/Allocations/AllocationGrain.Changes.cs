using CloudMgmt.Domain.Allocations;
using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Faults;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Grains.Pools;

namespace CloudMgmt.Grains.Allocations;

public sealed partial class AllocationGrain
{
    public async Task<Outcome<AllocationView>> Resize(ResourceVector resources, string? by)
    {
        if (Missing() is { } missing)
        {
            return missing;
        }

        if (!AllocationLifecycle.CanResize(S.Status))
        {
            return Failure.Conflict($"an allocation that is {S.Status} cannot be resized");
        }

        var current = VectorState.Load(S.Resources);
        if (current.Equals(resources))
        {
            return View();
        }

        var thresholds = await GrainFactory.GetGrain<ICatalogGrain>(CatalogGrain.Key).GetAdmissionPath(S.Path[0]);
        var reasons = thresholds is null ? [] : ApprovalRule.Reasons(resources, S.Path.Zip(thresholds.Thresholds));
        if (reasons.Count > 0)
        {
            return Failure.Conflict("the new size needs an operator's approval (" + string.Join("; ", reasons) +
                "); submit it as a new allocation request instead");
        }

        return await ResizeCoreAsync(resources, by, null);
    }

    /// <summary>The resize itself, once it is allowed (<see cref="ChangePlan.Resize"/>). <paramref name="why"/> replaces the plain history message.</summary>
    private async Task<Outcome<AllocationView>> ResizeCoreAsync(ResourceVector resources, string? by, string? why)
    {
        var onCloud = AllocationLifecycle.IsOnCloud(S.Status);
        if (onCloud && S.Shares.Count != 1)
        {
            return Failure.Conflict("an allocation spread over several clouds cannot be resized yet; release it and request anew");
        }

        var plan = ChangePlan.Resize(VectorState.Load(S.Resources), resources, onCloud);
        return await RunAsync(plan, new PlanContext("resize", by, null, why)) is { } refused ? refused : View();
    }

    public async Task<Outcome<AllocationView>> Release(string? by)
    {
        if (Missing() is { } missing)
        {
            return missing;
        }

        if (S.Status is AllocationStatus.Released or AllocationStatus.Releasing)
        {
            return View(); // releasing twice is not an error
        }

        var onCloud = AllocationLifecycle.IsOnCloud(S.Status);
        if (!onCloud && !AllocationLifecycle.CanMove(S.Status, AllocationStatus.Released))
        {
            return Failure.Conflict(AllocationLifecycle.WhyNot(S.Status, AllocationStatus.Released)!);
        }

        await RunAsync(ChangePlan.Release(VectorState.Load(S.Resources), onCloud), new PlanContext("release", by, null, null));
        return View();
    }

    public async Task<Outcome<AllocationView>> Approve(string? by, string? note)
    {
        if (Missing() is { } missing)
        {
            return missing;
        }

        if (S.Status != AllocationStatus.PendingApproval && S.Elastic.PendingGrow is not null)
        {
            return await ApprovePendingGrowAsync(by, note);
        }

        if (S.Status != AllocationStatus.PendingApproval)
        {
            return Failure.Conflict($"only an allocation waiting for approval can be approved; this one is {S.Status}");
        }

        // An approval no cloud can follow changes nothing: the request keeps waiting (an operator may
        // reject it, or approve it again once a cloud has room), and the answer gives every cloud's verdicts.
        var decided = await DecideAsync(S.Tenant, S.Path, VectorState.Load(S.Resources), S.Constraints);
        if (decided is { Placed: false })
        {
            return Unplaceable(decided);
        }

        // Placed before anything is written: a crash before the write leaves it waiting for approval,
        // and room a crash left held on a cloud is removed by the reconciler (nobody wants it).
        Move(AllocationStatus.Admitted, "approved" + (note is null ? "" : ": " + note), by);
        crashPoints.Reached(new CrashPoint("approve", "Place", Id));
        if (!await PlaceAsync(by, decided))
        {
            crashPoints.Reached(new CrashPoint("approve", "Commit", Id));
            await state.WriteStateAsync(); // no cloud registered: it stays Admitted
            await IndexAsync();
        }

        crashPoints.Reached(new CrashPoint("approve", "done", Id));
        return View();
    }

    public async Task<Outcome<AllocationView>> Reject(string? by, string? reason)
    {
        if (Missing() is { } missing)
        {
            return missing;
        }

        if (S.Status != AllocationStatus.PendingApproval && S.Elastic.PendingGrow is not null)
        {
            return await RejectPendingGrowAsync(by, reason);
        }

        if (S.Status != AllocationStatus.PendingApproval)
        {
            return Failure.Conflict($"only an allocation waiting for approval can be rejected; this one is {S.Status}");
        }

        await RunAsync(ChangePlan.Reject(VectorState.Load(S.Resources)), new PlanContext("reject", by, reason, null));
        return View();
    }

    /// <summary>
    /// Null when the allocation exists. Otherwise (a mistyped or probing id, or a request that was
    /// refused) this activation leaves memory at once: such calls, however many, keep no activation,
    /// and none of them writes anything.
    /// </summary>
    private Failure? Missing()
    {
        if (state.RecordExists)
        {
            return null;
        }

        DeactivateOnIdle();
        return Failure.NotFound($"allocation '{Id}' does not exist");
    }

    /// <summary>A crash interrupted a plan: its recovery finishes it (<see cref="ChangePlan.Recovery"/>), and the history says so.</summary>
    private async Task FinishInterruptedWorkAsync()
    {
        var kind = S.Work switch
        {
            PendingWork.Resize => ChangeKind.Resize,
            PendingWork.Release => ChangeKind.Release,
            PendingWork.Reject => ChangeKind.Reject,
            _ => ChangeKind.Fail,
        };
        var onCloud = AllocationLifecycle.IsOnCloud(S.Status) && S.Shares.Count > 0;
        var plan = ChangePlan.Recovery(kind, VectorState.Load(S.WorkFrom), VectorState.Load(S.WorkTo), onCloud);
        await RunAsync(plan, new PlanContext("recover-" + kind.ToString().ToLowerInvariant(), S.WorkBy, S.WorkNote, null, Recovering: true));
    }
}
