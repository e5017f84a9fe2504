using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Policies;
using Orleans.Concurrency;

namespace CloudMgmt.Grains.Allocations;

/// <summary>
/// Dry run: walks the path asking each pool what it would answer, changing nothing. The answer is
/// a good forecast, not a promise: other requests may land between the dry run and the real one.
/// </summary>
[StatelessWorker]
public sealed class AdmissionAdvisorGrain(PlacementPolicySource policy) : Grain, IAdmissionAdvisorGrain
{
    public async Task<Outcome<AdmissionDecision>> Evaluate(AllocationRequest request)
    {
        var resolved = await GrainFactory.GetGrain<ICatalogGrain>(CatalogGrain.Key).ResolveTenantPath(request.Tenant);
        if (resolved.Failure is { } failure)
        {
            return failure;
        }

        var path = resolved.Value!;
        var probeId = "dry-run-" + Guid.NewGuid().ToString("N");
        var shortfalls = new List<Shortfall>();
        var amount = request.Resources;
        foreach (var poolId in path.PoolIds)
        {
            if (amount.IsZero)
            {
                break;
            }

            var result = await GrainFactory.GetGrain<IQuotaPoolGrain>(poolId).Evaluate(probeId, amount);
            shortfalls.AddRange(result.Shortfalls);
            // A refusing pool passes nothing upwards: the walk names the first pool that is short.
            amount = result.Accepted ? result.Spill : ResourceVector.Zero;
        }

        var reasons = ApprovalRule.Reasons(request.Resources, path.PoolIds.Zip(path.Thresholds));
        var placement = await PlacementCandidates.PlaceAsync(GrainFactory, policy, request.Tenant, path.PoolIds, request.Resources,
            request.Constraints ?? new Dictionary<string, string>());
        return new AdmissionDecision(shortfalls.Count == 0, reasons.Count > 0, path.PoolIds, shortfalls, reasons,
            placement is null ? null : PlacementCandidates.ToJson(placement), placement?.Placed);
    }
}
