using CloudMgmt.Domain.Allocations;
using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains.Faults;
using CloudMgmt.Grains.Persistence;

namespace CloudMgmt.Grains.Allocations;

public sealed partial class AllocationGrain
{
    public async Task<bool> GrantProvisioned(string cloudId, string externalId, string? note)
    {
        if (!state.RecordExists || !S.Shares.ContainsKey(cloudId))
        {
            return false;
        }

        if (S.Status is not (AllocationStatus.Placed or AllocationStatus.Provisioning or AllocationStatus.Ready or AllocationStatus.Resizing))
        {
            return S.Status == AllocationStatus.Releasing; // a releasing grant is removed by its own path
        }

        if (S.Status == AllocationStatus.Resizing)
        {
            note = $"grant resized to {VectorState.Load(S.Shares[cloudId])}"; // what the reconciler saw as drift is our own resize
        }

        var known = S.Provisioned.TryGetValue(cloudId, out var id) && id == externalId;
        if (known && note is null)
        {
            return true; // nothing new: the grant is as it was
        }

        S.Provisioned[cloudId] = externalId;
        S.LastGrantError = null;
        var message = note is null ? $"grant {externalId} ready on {cloudId}" : $"{cloudId}: {note} (grant {externalId})";
        if (S.Status is not AllocationStatus.Ready && S.Shares.Keys.All(S.Provisioned.ContainsKey))
        {
            Move(AllocationStatus.Ready, message, Actors.Reconciler);
        }
        else
        {
            AddEvent(S.Status, message, Actors.Reconciler);
        }

        await state.WriteStateAsync();
        await IndexAsync();
        return true;
    }

    public async Task GrantStarted(string cloudId)
    {
        if (state.RecordExists && S.Status == AllocationStatus.Placed && S.Shares.ContainsKey(cloudId))
        {
            Move(AllocationStatus.Provisioning, $"making the grant on {cloudId}", Actors.Reconciler);
            await state.WriteStateAsync();
            await IndexAsync();
        }
    }

    public async Task RetryPlacement()
    {
        if (state.RecordExists && S.Status == AllocationStatus.Admitted)
        {
            await PlaceAsync(Actors.Reconciler);
        }
    }

    public async Task GrantError(string cloudId, string error)
    {
        if (!state.RecordExists || S.LastGrantError == error || AllocationLifecycle.IsFinal(S.Status))
        {
            return;
        }

        S.LastGrantError = error;
        AddEvent(S.Status, $"{cloudId}: could not make the grant yet: {error}", Actors.Reconciler);
        await state.WriteStateAsync();
    }

    public async Task GrantReleased(string cloudId)
    {
        if (!state.RecordExists || !AllocationLifecycle.IsOnCloud(S.Status) || !S.Shares.Remove(cloudId))
        {
            return;
        }

        if (S.Status != AllocationStatus.Releasing)
        {
            // The clouds were told to release, and a restart came before this allocation recorded it.
            Move(AllocationStatus.Releasing, "finishing a release that a restart interrupted", Actors.Reconciler);
        }

        S.Provisioned.Remove(cloudId);
        AddEvent(S.Status, $"grant removed from {cloudId}", Actors.Reconciler);
        if (S.Shares.Count > 0)
        {
            await state.WriteStateAsync();
            return;
        }

        // Every grant is gone: now the quota can return. A crash before the write below leaves the
        // cloud's row, so the reconciler calls again and this runs again (a shrink to zero is idempotent).
        crashPoints.Reached(new CrashPoint("grant-released", nameof(ChangeStep.ReturnQuota), Id));
        S.Reach = await ShrinkAlongAsync(ResourceVector.Zero);
        crashPoints.Reached(new CrashPoint("grant-released", nameof(ChangeStep.Commit), Id));
        Move(AllocationStatus.Released, "released; grants removed and quota returned", S.WorkBy);
        await state.WriteStateAsync();
        await IndexAsync();
    }
}
