using CloudMgmt.Domain.Resources;
using Orleans.Concurrency;

namespace CloudMgmt.Grains.Allocations;

/// <summary>One allocation request; keyed by allocation id. Owns its lifecycle and its reservation along the pool path.</summary>
public interface IAllocationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Admits the request, or refuses it and records nothing. Submitting the same request again
    /// returns the allocation as it is; a different request under the same id is a conflict.
    /// </summary>
    Task<Outcome<AllocationView>> Submit(AllocationRequest request);

    [ReadOnly]
    Task<AllocationView?> Get();

    /// <summary>
    /// Where placement would put this allocation now, with every cloud's verdicts, as JSON: computed
    /// against the clouds' current views, its own holds counted as free. Null when it does not exist or no
    /// cloud is registered. The allocation keeps only the bounded form of the decision it was placed by.
    /// </summary>
    [ReadOnly]
    Task<string?> ExplainPlacement();

    Task<Outcome<AllocationView>> Resize(ResourceVector resources, string? by);

    /// <summary>
    /// Resizes by a JSON merge patch of the resources (RFC 7396): an amount sets that resource, null
    /// removes it, a resource not named keeps its amount. The result must ask for something.
    /// </summary>
    Task<Outcome<AllocationView>> Patch(Dictionary<string, long?> resources, string? by);

    Task<Outcome<AllocationView>> Release(string? by);

    Task<Outcome<AllocationView>> Approve(string? by, string? note);

    Task<Outcome<AllocationView>> Reject(string? by, string? reason);

    /// <summary>
    /// The reconciler found (or made) this allocation's grant on a cloud as desired. <paramref name="note"/>
    /// says what it had to repair, if anything. False: the allocation does not want a grant there
    /// (room held by a placement that a crash cut short), and the reconciler removes it.
    /// </summary>
    Task<bool> GrantProvisioned(string cloudId, string externalId, string? note);

    /// <summary>The reconciler is about to make this allocation's grant on a cloud (Placed becomes Provisioning).</summary>
    Task GrantStarted(string cloudId);

    /// <summary>Places the allocation again if it is admitted but not placed (a placement a crash cut short).</summary>
    Task RetryPlacement();

    /// <summary>The reconciler removed this allocation's grant from a cloud.</summary>
    Task GrantReleased(string cloudId);

    /// <summary>The reconciler could not make the grant; it keeps trying, and the history says why (once per distinct error).</summary>
    Task GrantError(string cloudId, string error);

    /// <summary>Asked by a pool checking an unconfirmed reservation: does this allocation hold quota in that pool?</summary>
    Task<bool> HoldsReservation(string poolId);

    /// <summary>
    /// Carries out an elastic decision: a resize through the normal resize path (admission, the
    /// cloud's room; a grow above an approval threshold waits for an operator), an idle mark, or a
    /// reclaim through the normal release path (checked again here against protection and postponement).
    /// </summary>
    Task<ElasticResult> ApplyElastic(ElasticCommand command);

    /// <summary>Protects the allocation from elastic shrink and reclaim (or lifts the protection).</summary>
    Task<Outcome<AllocationView>> SetProtected(bool isProtected, string? by);

    /// <summary>Postpones the reclaim of the allocation's grant until then.</summary>
    Task<Outcome<AllocationView>> PostponeReclaim(DateTimeOffset until, string? by);
}

/// <summary>Evaluates a request against the current state of its path without changing anything (dry run).</summary>
public interface IAdmissionAdvisorGrain : IGrainWithIntegerKey
{
    Task<Outcome<AdmissionDecision>> Evaluate(AllocationRequest request);
}
