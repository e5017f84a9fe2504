using CloudMgmt.Domain.Allocations;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains.Faults;
using CloudMgmt.Grains.Persistence;

namespace CloudMgmt.Grains.Allocations;

public sealed partial class AllocationGrain
{
    /// <summary>
    /// Chooses the cloud(s) for an admitted allocation and holds room there. Placement only reads
    /// what the cloud grains know; the grant itself is made later by the reconciler. With no cloud
    /// registered the allocation stays Admitted (the controller is then a quota ledger). A placement
    /// that fails gives the quota back and says why. False when no cloud is registered (nothing decided, nothing written).
    /// </summary>
    /// <param name="by">Who the placement is done for: the requester, the approver, or the reconciler finishing it.</param>
    private async Task<bool> PlaceAsync(string? by)
    {
        var resources = VectorState.Load(S.Resources);
        var decision = await PlacementCandidates.PlaceAsync(GrainFactory, policy, S.Tenant, S.Path, resources, S.Constraints);
        if (decision is null)
        {
            return false;
        }

        S.Placement = PlacementCandidates.ToJson(decision);
        if (!decision.Placed)
        {
            await FailAsync("placement failed: " + decision.Reason, by);
            return true;
        }

        var held = new List<string>();
        foreach (var share in decision.Shares)
        {
            var reserved = await GrainFactory.GetGrain<ICloudGrain>(share.CloudId)
                .Reserve(new DesiredGrant(Id, S.Tenant, S.Path[0], share.Resources, Releasing: false));
            if (!reserved.Succeeded)
            {
                await Task.WhenAll(held.Select(c => GrainFactory.GetGrain<ICloudGrain>(c).Unreserve(Id)));
                held.ForEach(c => S.Shares.Remove(c));
                await FailAsync($"placement failed: {reserved.Failure!.Detail} (changed since the decision)", by);
                return true;
            }

            held.Add(share.CloudId);
            S.Shares[share.CloudId] = VectorState.Save(share.Resources);
        }

        crashPoints.Reached(new CrashPoint("place", "Commit", Id));
        Move(AllocationStatus.Placed, "placed on " + string.Join(", ", decision.Shares.Select(s => $"{s.CloudId} ({s.Resources})")), by);
        await state.WriteStateAsync();
        await IndexAsync();
        return true;
    }

    /// <summary>Gives the quota back and records why the allocation could not go on (<see cref="ChangePlan.Fail"/>).</summary>
    private async Task FailAsync(string reason, string? by) =>
        await RunAsync(ChangePlan.Fail(VectorState.Load(S.Resources)), new PlanContext("fail", by, reason, null));
}
