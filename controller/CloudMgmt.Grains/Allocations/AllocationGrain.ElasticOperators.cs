using CloudMgmt.Domain.Allocations;
using CloudMgmt.Grains.Persistence;

namespace CloudMgmt.Grains.Allocations;

/// <summary>What operators do about elastic actions: settle a pending grow, protect, postpone a reclaim.</summary>
public sealed partial class AllocationGrain
{
    private async Task<Outcome<AllocationView>> ApprovePendingGrowAsync(string? by, string? note)
    {
        var target = VectorState.Load(S.Elastic.PendingGrow);
        var reason = S.Elastic.PendingGrowReason;
        S.Elastic.PendingGrow = null;
        S.Elastic.PendingGrowReason = null;
        if (!AllocationLifecycle.CanResize(S.Status))
        {
            AddEvent(S.Status, $"the elastic grow to {target} was approved but the allocation is {S.Status}; dropped", by);
            await state.WriteStateAsync();
            return Failure.Conflict($"an allocation that is {S.Status} cannot be resized");
        }

        S.Elastic.LastActionAt = time.GetUtcNow();
        var outcome = await ResizeCoreAsync(target, by, $"approved elastic grow ({reason}){(note is null ? "" : ": " + note)}");
        if (outcome.Failure is not null)
        {
            AddEvent(S.Status, $"the approved elastic grow to {target} does not fit: {outcome.Failure.Detail}", by);
            await state.WriteStateAsync();
        }

        return outcome;
    }

    private async Task<Outcome<AllocationView>> RejectPendingGrowAsync(string? by, string? reason)
    {
        var target = VectorState.Load(S.Elastic.PendingGrow);
        S.Elastic.PendingGrow = null;
        S.Elastic.PendingGrowReason = null;
        AddEvent(S.Status, $"elastic grow to {target} rejected" + (reason is null ? "" : ": " + reason), by);
        await state.WriteStateAsync();
        return View();
    }

    public async Task<Outcome<AllocationView>> SetProtected(bool isProtected, string? by)
    {
        if (Missing() is { } missing)
        {
            return missing;
        }

        if (AllocationLifecycle.IsFinal(S.Status))
        {
            return Failure.Conflict($"an allocation that is {S.Status} cannot be protected");
        }

        if (S.Elastic.Protected != isProtected)
        {
            S.Elastic.Protected = isProtected;
            AddEvent(S.Status, isProtected ? "protected: elastic shrink and reclaim will not touch it" : "protection lifted", by);
            await state.WriteStateAsync();
        }

        return View();
    }

    public async Task<Outcome<AllocationView>> PostponeReclaim(DateTimeOffset until, string? by)
    {
        if (Missing() is { } missing)
        {
            return missing;
        }

        if (AllocationLifecycle.IsFinal(S.Status))
        {
            return Failure.Conflict($"an allocation that is {S.Status} has nothing to postpone");
        }

        S.Elastic.PostponedUntil = until;
        AddEvent(S.Status, $"reclaim postponed until {until:yyyy-MM-dd HH:mm}Z", by);
        await state.WriteStateAsync();
        return View();
    }
}
