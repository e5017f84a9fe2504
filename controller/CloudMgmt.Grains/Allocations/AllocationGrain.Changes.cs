using CloudMgmt.Domain.Allocations;
using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Grains.Clouds;
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

    /// <summary>The resize itself, once it is allowed: the cloud's room first, then the path. <paramref name="why"/> replaces the plain history message.</summary>
    private async Task<Outcome<AllocationView>> ResizeCoreAsync(ResourceVector resources, string? by, string? why)
    {
        var current = VectorState.Load(S.Resources);
        if (AllocationLifecycle.IsOnCloud(S.Status) && await ResizeOnCloudAsync(resources) is { } refused)
        {
            return refused;
        }

        // Two monotonic passes: shrink what goes down, then grow what goes up. Each pass has a safe
        // way back (a shrink along the path), which a mixed change in one pass would not have.
        var floor = ResourceVector.Min(current, resources);
        if (!floor.Equals(current))
        {
            await BeginAsync(PendingWork.Resize, floor, current, by, null);
            S.Reach = await ShrinkAlongAsync(floor);
            S.Resources = VectorState.Save(floor);
        }

        if (!floor.Equals(resources))
        {
            await BeginAsync(PendingWork.Resize, floor, resources, by, null);
            var outcome = await SetAlongAsync(S.Path, resources, S.Reach);
            S.Reach = outcome.Reach;
            if (!outcome.Accepted)
            {
                await RestoreAsync(floor, current);
                if (S.Shares.Count == 1)
                {
                    await GrainFactory.GetGrain<ICloudGrain>(S.Shares.Keys.Single()).Resize(Id, VectorState.Load(S.Resources));
                }

                return new Failure(FailureKind.QuotaExceeded,
                    "the new size does not fit: " + string.Join("; ", outcome.Shortfalls), "resources", outcome.Shortfalls);
            }

            S.Resources = VectorState.Save(resources);
        }

        S.Work = PendingWork.None;
        if (S.Status == AllocationStatus.Ready)
        {
            Move(AllocationStatus.Resizing, (why ?? $"resized from {current} to {resources}") + "; the grant on the cloud follows", by);
        }
        else
        {
            AddEvent(S.Status, why ?? $"resized from {current} to {resources}", by);
        }

        await state.WriteStateAsync();
        await IndexAsync();
        return View();
    }

    /// <summary>After a refused growth, tries to grow back what the shrink pass gave up; keeps the floor if that no longer fits.</summary>
    private async Task RestoreAsync(ResourceVector floor, ResourceVector current)
    {
        var kept = floor;
        if (!floor.Equals(current))
        {
            var back = await SetAlongAsync(S.Path, current, S.Reach);
            S.Reach = back.Reach;
            kept = back.Accepted ? current : floor;
        }

        S.Resources = VectorState.Save(kept);
        S.Work = PendingWork.None;
        if (!kept.Equals(current))
        {
            AddEvent(S.Status, $"a mixed resize was refused and the part given back could not be taken again; the allocation is {kept}", null);
        }

        await state.WriteStateAsync();
        await IndexAsync();
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

        if (AllocationLifecycle.IsOnCloud(S.Status))
        {
            return await BeginCloudReleaseAsync(by);
        }

        if (!AllocationLifecycle.CanMove(S.Status, AllocationStatus.Released))
        {
            return Failure.Conflict(AllocationLifecycle.WhyNot(S.Status, AllocationStatus.Released)!);
        }

        await BeginAsync(PendingWork.Release, ResourceVector.Zero, ResourceVector.Zero, by, null);
        return await FinishReleaseAsync(AllocationStatus.Released, "released; quota returned");
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

        Move(AllocationStatus.Admitted, "approved" + (note is null ? "" : ": " + note), by);
        await state.WriteStateAsync();
        await IndexAsync();
        await PlaceAsync();
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

        await BeginAsync(PendingWork.Reject, ResourceVector.Zero, ResourceVector.Zero, by, reason);
        return await FinishReleaseAsync(AllocationStatus.Rejected, "rejected" + (reason is null ? "" : ": " + reason));
    }

    /// <summary>Holds the new size on the allocation's cloud first: if the cloud lacks room, nothing has changed yet.</summary>
    private async Task<Failure?> ResizeOnCloudAsync(ResourceVector resources)
    {
        if (S.Shares.Count != 1)
        {
            return Failure.Conflict("an allocation spread over several clouds cannot be resized yet; release it and request anew");
        }

        var cloudId = S.Shares.Keys.Single();
        var held = await GrainFactory.GetGrain<ICloudGrain>(cloudId).Resize(Id, resources);
        if (!held.Succeeded)
        {
            return held.Failure! with { Kind = FailureKind.QuotaExceeded, Field = "resources" };
        }

        S.Shares[cloudId] = VectorState.Save(resources);
        return null;
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

    private async Task BeginAsync(PendingWork work, ResourceVector from, ResourceVector to, string? by, string? note)
    {
        S.Work = work;
        S.WorkFrom = VectorState.Save(from);
        S.WorkTo = VectorState.Save(to);
        S.WorkBy = by;
        S.WorkNote = note;
        await state.WriteStateAsync();
    }

    private async Task<AllocationView> FinishReleaseAsync(AllocationStatus final, string message)
    {
        S.Reach = await ShrinkAlongAsync(ResourceVector.Zero);
        S.Work = PendingWork.None;
        Move(final, message, S.WorkBy);
        await state.WriteStateAsync();
        await IndexAsync();
        return View();
    }

    /// <summary>
    /// A crash interrupted a change to the path. A release or rejection is finished; a resize ends at
    /// the smaller of old and new size in each resource (its floor), which a shrink can always reach,
    /// and the history says so.
    /// </summary>
    private async Task FinishInterruptedWorkAsync()
    {
        switch (S.Work)
        {
            case PendingWork.Release:
                await FinishReleaseAsync(AllocationStatus.Released, "released (finished after a restart)");
                break;
            case PendingWork.Reject:
                await FinishReleaseAsync(AllocationStatus.Rejected, "rejected (finished after a restart)" +
                    (S.WorkNote is null ? "" : ": " + S.WorkNote));
                break;
            case PendingWork.Resize:
                await RollBackResizeAsync();
                break;
        }
    }

    private async Task RollBackResizeAsync()
    {
        var floor = VectorState.Load(S.WorkFrom);
        var target = VectorState.Load(S.WorkTo);
        S.Reach = await ShrinkAlongAsync(floor);
        S.Resources = VectorState.Save(floor);
        S.Work = PendingWork.None;
        AddEvent(S.Status, $"a resize to {target} was interrupted by a restart; the allocation is {floor}", S.WorkBy);
        await state.WriteStateAsync();
        await IndexAsync();
    }
}
