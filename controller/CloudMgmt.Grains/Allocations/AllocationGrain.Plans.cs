using CloudMgmt.Domain.Allocations;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains.Faults;
using CloudMgmt.Grains.Persistence;

namespace CloudMgmt.Grains.Allocations;

/// <summary>
/// Carries out a <see cref="ChangePlan"/> the domain made: each step in order, the intent on disk
/// before the first effect, the crash hook told at every boundary. <see cref="FinishInterruptedWorkAsync"/>
/// runs the plan's recovery on the next activation after a crash.
/// </summary>
public sealed partial class AllocationGrain
{
    /// <summary>How a plan ends: null when done, or the refusal of a step (the grain has undone what it took).</summary>
    private async Task<Failure?> RunAsync(ChangePlan plan, PlanContext context)
    {
        foreach (var step in plan.Steps)
        {
            crashPoints.Reached(new CrashPoint(context.Operation, step.ToString(), Id));
            if (await StepAsync(plan, step, context) is { } refused)
            {
                return refused;
            }
        }

        crashPoints.Reached(new CrashPoint(context.Operation, "done", Id));
        return null;
    }

    private async Task<Failure?> StepAsync(ChangePlan plan, ChangeStep step, PlanContext context)
    {
        switch (step)
        {
            case ChangeStep.RecordIntent:
                (S.Work, S.WorkFrom, S.WorkTo) = (WorkOf(plan.Kind), VectorState.Save(plan.From), VectorState.Save(plan.To));
                (S.WorkBy, S.WorkNote) = (context.By, context.Note);
                await state.WriteStateAsync();
                return null;
            case ChangeStep.HoldOnCloud:
                return await HoldOnCloudAsync(plan, plan.AmountOf(step));
            case ChangeStep.ShrinkPath:
            case ChangeStep.ReturnQuota:
                S.Reach = await ShrinkAlongAsync(plan.AmountOf(step));
                return null;
            case ChangeStep.GrowPath:
                return await GrowPathAsync(plan);
            case ChangeStep.MarkReleasing:
                await Task.WhenAll(S.Shares.Keys.Select(c => GrainFactory.GetGrain<ICloudGrain>(c).MarkReleasing(Id)));
                return null;
            default:
                await CommitAsync(plan, context);
                return null;
        }
    }

    /// <summary>The cloud holds <paramref name="amount"/>; a shrink is never refused, so recovery always gets through.</summary>
    private async Task<Failure?> HoldOnCloudAsync(ChangePlan plan, ResourceVector amount)
    {
        var held = await GrainFactory.GetGrain<ICloudGrain>(S.Shares.Keys.Single()).Resize(Id, amount);
        if (held.Succeeded)
        {
            return null;
        }

        await ClearIntentAsync(); // nothing but the intent was changed
        return held.Failure! with { Kind = FailureKind.QuotaExceeded, Field = "resources" };
    }

    private async Task<Failure?> GrowPathAsync(ChangePlan plan)
    {
        var outcome = await SetAlongAsync(S.Path, plan.To, S.Reach);
        S.Reach = outcome.Reach;
        if (outcome.Accepted)
        {
            return null;
        }

        await GiveBackAsync(plan);
        return new Failure(FailureKind.QuotaExceeded,
            "the new size does not fit: " + string.Join("; ", outcome.Shortfalls), "resources", outcome.Shortfalls);
    }

    /// <summary>
    /// After a refused growth the path holds the floor. A pure growth has lost nothing; a mixed
    /// change tries to take back what its shrink pass gave up (path, then cloud), and keeps the
    /// floor if either no longer has room. The cloud ends at what is kept.
    /// </summary>
    private async Task GiveBackAsync(ChangePlan plan)
    {
        var cloud = plan.OnCloud ? GrainFactory.GetGrain<ICloudGrain>(S.Shares.Keys.Single()) : null;
        var kept = plan.Floor;
        var cloudAtKept = false;
        if (!plan.Floor.Equals(plan.From))
        {
            var back = await SetAlongAsync(S.Path, plan.From, S.Reach);
            S.Reach = back.Reach;
            if (back.Accepted && (cloud is null || (await cloud.Resize(Id, plan.From)).Succeeded))
            {
                (kept, cloudAtKept) = (plan.From, true);
            }
            else if (back.Accepted)
            {
                S.Reach = await ShrinkAlongAsync(plan.Floor);
            }
        }

        if (cloud is not null && !cloudAtKept)
        {
            await cloud.Resize(Id, kept); // from the refused target down to what is kept: a shrink
        }

        SetSize(kept, plan.OnCloud);
        if (!kept.Equals(plan.From))
        {
            AddEvent(S.Status, $"a mixed resize was refused and the part given back could not be taken again; the allocation is {kept}", null);
        }

        await ClearIntentAsync();
        await IndexAsync();
        ConfirmPools();
    }

    /// <summary>Records the outcome and clears the intent, in one write.</summary>
    private async Task CommitAsync(ChangePlan plan, PlanContext context)
    {
        var restarted = context.Recovering ? " (finished after a restart)" : "";
        var note = context.Note is null ? "" : ": " + context.Note;
        switch (plan.Kind)
        {
            case ChangeKind.Resize:
                SetSize(plan.To, plan.OnCloud);
                var message = context.Recovering
                    ? $"a resize to {VectorState.Load(S.WorkTo)} was interrupted by a restart; the allocation is {plan.To}"
                    : context.Why ?? $"resized from {plan.From} to {plan.To}";
                if (S.Status == AllocationStatus.Ready && plan.OnCloud && !plan.To.Equals(plan.From))
                {
                    Move(AllocationStatus.Resizing, message + "; the grant on the cloud follows", context.By);
                }
                else
                {
                    AddEvent(S.Status, message, context.By);
                }

                break;
            case ChangeKind.Release when plan.OnCloud:
                if (S.Status is not (AllocationStatus.Releasing or AllocationStatus.Released))
                {
                    Move(AllocationStatus.Releasing, $"release requested{restarted}; removing grants from {string.Join(", ", S.Shares.Keys)}", context.By);
                }

                break;
            case ChangeKind.Release:
                Move(AllocationStatus.Released, $"released{restarted}; quota returned", context.By);
                break;
            case ChangeKind.Reject:
                Move(AllocationStatus.Rejected, $"rejected{restarted}{note}", context.By);
                break;
            default:
                S.Shares.Clear();
                Move(AllocationStatus.Failed, $"{context.Note}; quota returned{restarted}", context.By);
                break;
        }

        S.Work = PendingWork.None;
        await state.WriteStateAsync();
        await IndexAsync();
        ConfirmPools();
    }

    private async Task ClearIntentAsync()
    {
        S.Work = PendingWork.None;
        await state.WriteStateAsync();
    }

    private void SetSize(ResourceVector size, bool onCloud)
    {
        S.Resources = VectorState.Save(size);
        if (onCloud)
        {
            S.Shares[S.Shares.Keys.Single()] = VectorState.Save(size);
        }
    }

    private static PendingWork WorkOf(ChangeKind kind) => kind switch
    {
        ChangeKind.Resize => PendingWork.Resize,
        ChangeKind.Release => PendingWork.Release,
        ChangeKind.Reject => PendingWork.Reject,
        _ => PendingWork.Fail,
    };

    /// <summary>Who asked, what they said, and how the history should put it.</summary>
    private sealed record PlanContext(string Operation, string? By, string? Note, string? Why, bool Recovering = false);
}
