using CloudMgmt.Domain.Allocations;
using CloudMgmt.Domain.Elastic;
using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Grains.Pools;

namespace CloudMgmt.Grains.Allocations;

/// <summary>
/// Elastic actions on this allocation. They go through the same paths as a user's (resize through
/// admission and the cloud's room, release through the reconciler), so no elastic action can break
/// a quota; each is recorded in the history with the numbers that triggered it.
/// </summary>
public sealed partial class AllocationGrain
{
    private const string ElasticActor = Actors.Elastic;

    public async Task<ElasticResult> ApplyElastic(ElasticCommand command)
    {
        if (!state.RecordExists || S.Status != AllocationStatus.Ready)
        {
            return ElasticResult.Skipped($"the allocation is {(state.RecordExists ? S.Status : "missing")}");
        }

        return command.Action switch
        {
            ElasticAction.Grow or ElasticAction.Shrink when command.Target is not null => await ElasticResizeAsync(command),
            ElasticAction.MarkIdle when S.Elastic.IdleSince is null => await MarkIdleAsync(command),
            ElasticAction.ClearIdle when S.Elastic.IdleSince is not null => await ClearIdleAsync(command),
            ElasticAction.Reclaim => await ReclaimAsync(command),
            _ => ElasticResult.Skipped("nothing to do"),
        };
    }

    private async Task<ElasticResult> ElasticResizeAsync(ElasticCommand command)
    {
        var current = VectorState.Load(S.Resources);
        var target = command.Target!;
        var now = time.GetUtcNow();
        S.Elastic.LastActionAt = now; // refused or not, the window starts again: one attempt per spell of load
        if (command.Action == ElasticAction.Grow && await ApprovalReasonsAsync(target) is { Count: > 0 } reasons)
        {
            S.Elastic.PendingGrow = VectorState.Save(target);
            S.Elastic.PendingGrowReason = command.Reason;
            AddEvent(S.Status, $"{command.Reason}; waits for an operator's approval (" + string.Join("; ", reasons) + ")", ElasticActor);
            await state.WriteStateAsync();
            return new ElasticResult(ElasticApplied.GrowRequested, string.Join("; ", reasons), ResourceVector.Zero);
        }

        var outcome = await ResizeCoreAsync(target, ElasticActor, command.Reason);
        if (outcome.Failure is { } failure)
        {
            await RecordRefusalAsync($"{command.Reason}: not done: {failure.Detail}");
            return new ElasticResult(ElasticApplied.Refused, failure.Detail, ResourceVector.Zero);
        }

        S.Elastic.LastRefusal = null;
        await state.WriteStateAsync();
        return new ElasticResult(command.Action == ElasticAction.Grow ? ElasticApplied.Grown : ElasticApplied.Shrunk, command.Reason,
            current.SaturatingSubtract(target));
    }

    private async Task<ElasticResult> MarkIdleAsync(ElasticCommand command)
    {
        S.Elastic.IdleSince = command.IdleSince ?? time.GetUtcNow();
        S.Elastic.IdleMarkedAt = time.GetUtcNow();
        S.Elastic.ReclaimAt = command.ReclaimAt;
        AddEvent(S.Status, command.Reason, ElasticActor);
        await state.WriteStateAsync();
        return new ElasticResult(ElasticApplied.MarkedIdle, command.Reason, ResourceVector.Zero);
    }

    private async Task<ElasticResult> ClearIdleAsync(ElasticCommand command)
    {
        S.Elastic.ClearIdle();
        AddEvent(S.Status, command.Reason, ElasticActor);
        await state.WriteStateAsync();
        return new ElasticResult(ElasticApplied.IdleCleared, command.Reason, ResourceVector.Zero);
    }

    /// <summary>Checked here again: an operator may have protected or postponed it since the decision was made.</summary>
    private async Task<ElasticResult> ReclaimAsync(ElasticCommand command)
    {
        var e = S.Elastic;
        var now = time.GetUtcNow();
        var why = e.IdleSince is null ? "it is not marked idle"
            : e.Protected ? "it is protected"
            : e.PostponedUntil > now ? $"its reclaim is postponed until {e.PostponedUntil:yyyy-MM-dd HH:mm}Z"
            : e.ReclaimAt > now ? "its grace period is not over"
            : null;
        if (why is not null)
        {
            return new ElasticResult(ElasticApplied.Refused, why, ResourceVector.Zero);
        }

        var size = VectorState.Load(S.Resources);
        AddEvent(S.Status, command.Reason, ElasticActor);
        await Release(ElasticActor);
        return new ElasticResult(ElasticApplied.Reclaimed, command.Reason, size);
    }

    private async Task<IReadOnlyList<ApprovalReason>> ApprovalReasonsAsync(ResourceVector resources)
    {
        var thresholds = await GrainFactory.GetGrain<ICatalogGrain>(CatalogGrain.Key).GetAdmissionPath(S.Path[0]);
        return thresholds is null ? [] : ApprovalRule.Reasons(resources, S.Path.Zip(thresholds.Thresholds));
    }

    private async Task RecordRefusalAsync(string message)
    {
        if (S.Elastic.LastRefusal != message)
        {
            S.Elastic.LastRefusal = message;
            AddEvent(S.Status, message, ElasticActor);
        }

        await state.WriteStateAsync();
    }
}
