using CloudMgmt.Domain.Allocations;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains.Faults;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Policies.Model;

namespace CloudMgmt.Grains.Allocations;

public sealed partial class AllocationGrain
{
    /// <summary>A new decision may be taken this many times when the room a decision chose was taken before it was held.</summary>
    private const int PlacementAttempts = 2;

    /// <summary>Where placement would put these resources now (read only); null when no cloud is registered.</summary>
    private Task<PlacementDecision?> DecideAsync(
        string tenant, IReadOnlyList<string> path, Domain.Resources.ResourceVector resources, IReadOnlyDictionary<string, string>? constraints) =>
        PlacementCandidates.PlaceAsync(GrainFactory, policy, tenant, path, resources, constraints ?? new Dictionary<string, string>());

    public async Task<string?> ExplainPlacement()
    {
        if (!state.RecordExists)
        {
            return null;
        }

        // As if it held nothing: its own holds would otherwise make the clouds it is on look fuller.
        var own = S.Shares.ToDictionary(s => s.Key, s => VectorState.Load(s.Value), StringComparer.Ordinal);
        var decision = await PlacementCandidates.PlaceAsync(GrainFactory, policy, S.Tenant, S.Path, VectorState.Load(S.Resources), S.Constraints, own);
        DeactivateUnlessReconciling(); // woken only to explain
        return decision is null ? null : PlacementCandidates.ToJson(decision);
    }

    /// <summary>The refusal of a request no cloud can hold: every cloud's verdicts go with it, and nothing was charged.</summary>
    private static Failure Unplaceable(PlacementDecision decision) =>
        new(FailureKind.Unplaceable, $"no cloud can hold the request ({decision.Reason}); nothing was reserved or charged",
            PlacementJson: PlacementCandidates.ToJson(decision));

    /// <summary>
    /// Chooses the cloud(s) for an admitted allocation and holds room there. Placement only reads
    /// what the cloud grains know; the grant itself is made later by the reconciler. With no cloud
    /// registered the allocation stays Admitted (the controller is then a quota ledger). A placement
    /// that fails gives the quota back and says why. False when no cloud is registered (nothing decided, nothing written).
    /// </summary>
    /// <param name="by">Who the placement is done for: the requester, the approver, or the reconciler finishing it.</param>
    /// <param name="decided">A decision just taken for this request (the check before anything was charged), used for the first attempt.</param>
    private async Task<bool> PlaceAsync(string? by, PlacementDecision? decided = null)
    {
        var resources = VectorState.Load(S.Resources);
        PlacementDecision? decision;
        for (var attempt = 1; ; attempt++)
        {
            decision = decided ?? await DecideAsync(S.Tenant, S.Path, resources, S.Constraints);
            decided = null;
            if (decision is null)
            {
                return false;
            }

            S.Placement = PlacementCandidates.ToStoredJson(decision); // bounded: the full table is recomputed on demand
            if (!decision.Placed)
            {
                await FailAsync("placement failed: " + decision.Reason, by);
                return true;
            }

            if (await HoldAsync(decision) is not { } taken)
            {
                break;
            }

            if (attempt == PlacementAttempts)
            {
                await FailAsync($"placement failed: {taken} (changed since the decision)", by);
                return true;
            }
        }

        crashPoints.Reached(new CrashPoint("place", "Commit", Id));
        Move(AllocationStatus.Placed, "placed on " + string.Join(", ", decision.Shares.Select(s => $"{s.CloudId} ({s.Resources})")), by);
        await state.WriteStateAsync();
        await IndexAsync();
        return true;
    }

    /// <summary>Holds each share's room on its cloud; null when all are held, else why one was refused (and none is held).</summary>
    private async Task<string?> HoldAsync(PlacementDecision decision)
    {
        var held = new List<string>();
        foreach (var share in decision.Shares)
        {
            var reserved = await GrainFactory.GetGrain<ICloudGrain>(share.CloudId)
                .Reserve(new DesiredGrant(Id, S.Tenant, S.Path[0], share.Resources, Releasing: false));
            if (!reserved.Succeeded)
            {
                await Task.WhenAll(held.Select(c => GrainFactory.GetGrain<ICloudGrain>(c).Unreserve(Id)));
                held.ForEach(c => S.Shares.Remove(c));
                return reserved.Failure!.Detail;
            }

            held.Add(share.CloudId);
            S.Shares[share.CloudId] = VectorState.Save(share.Resources);
        }

        return null;
    }

    /// <summary>
    /// Room an Admitted allocation holds on a cloud is stale: a crash came after the hold and before the
    /// record of its placement. Given back before deciding again, so that its own hold does not make a
    /// full cloud look too full for it (the fault suite's seed 8: a 7 vcpu hold on an 8 vcpu cloud
    /// failed its own recovery). Only on this recovery path; clouds that hold nothing change nothing.
    /// </summary>
    private async Task ReleaseStaleHoldsAsync()
    {
        var clouds = await GrainFactory.GetGrain<ICloudDirectoryGrain>(CloudDirectoryGrain.Key).List();
        await Task.WhenAll(clouds.Select(c => GrainFactory.GetGrain<ICloudGrain>(c).Unreserve(Id)));
    }

    /// <summary>Gives the quota back and records why the allocation could not go on (<see cref="ChangePlan.Fail"/>).</summary>
    private async Task FailAsync(string reason, string? by) =>
        await RunAsync(ChangePlan.Fail(VectorState.Load(S.Resources)), new PlanContext("fail", by, reason, null));
}
