using System.Runtime.CompilerServices;
using CloudMgmt.Client.Http;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Client.Resources;

/// <summary>Allocations (requests for capacity): <c>/api/v1/allocations</c>.</summary>
public sealed class AllocationsClient
{
    private readonly ICloudMgmtApi _api;

    internal AllocationsClient(ICloudMgmtApi api) => _api = api;

    /// <summary>
    /// Requests capacity. The request carries an Idempotency-Key: give your own (an order number) so that
    /// repeating the call after a crash returns the same allocation instead of making a second one; with
    /// none the client makes one per call, which keeps its own retries safe.
    /// </summary>
    /// <exception cref="Problems.QuotaExceededException">It does not fit; <c>Shortfalls</c> say where.</exception>
    public Task<Allocation> RequestAsync(NewAllocation request, string? idempotencyKey = null, CancellationToken ct = default)
    {
        var key = idempotencyKey ?? Guid.NewGuid().ToString("N");
        return ApiCall.Run(() => _api.CreateAllocation(request, key, ct));
    }

    /// <summary>What the request would become, with the decision; changes nothing.</summary>
    public Task<DryRunResult> DryRunAsync(NewAllocation request, CancellationToken ct = default) =>
        ApiCall.Run(() => _api.DryRunAllocation(request, ct));

    /// <summary>One allocation with its decision and history.</summary>
    public Task<Allocation> GetAsync(string id, CancellationToken ct = default) => ApiCall.Run(() => _api.GetAllocation(id, ct));

    /// <summary>
    /// Why an allocation is where it is: the bounded decision it keeps, and every cloud's verdicts now
    /// (recomputed by the controller for this answer; it may differ from the decision taken).
    /// </summary>
    public Task<PlacementExplanation> ExplainPlacementAsync(string id, CancellationToken ct = default) =>
        ApiCall.Run(() => _api.ExplainPlacement(id, ct));

    /// <summary>One page of allocations, ordered by tenant then id; pass <see cref="Page{T}.Next"/> as <paramref name="after"/> for the next.</summary>
    public Task<Page<AllocationSummary>> ListPageAsync(AllocationFilter? filter = null, string? after = null, CancellationToken ct = default) =>
        ApiCall.Run(() => _api.ListAllocations(filter?.Tenant, filter?.Status, filter?.PageSize, after, ct));

    /// <summary>Every allocation the filter selects, page after page as they are read.</summary>
    public async IAsyncEnumerable<AllocationSummary> ListAsync(
        AllocationFilter? filter = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        string? after = null;
        do
        {
            var page = await ListPageAsync(filter, after, ct).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            after = page.Next;
        }
        while (after is not null);
    }

    /// <summary>
    /// Resizes an allocation (a JSON merge patch: the resources given take these amounts, the others keep
    /// theirs); the grant on its cloud follows.
    /// </summary>
    public Task<Allocation> ResizeAsync(string id, IReadOnlyDictionary<string, long> resources, CancellationToken ct = default) =>
        ApiCall.Run(() => _api.ResizeAllocation(id, new AllocationResize { Resources = resources }, ct));

    /// <summary>Releases an allocation: its grant is removed, then its quota returns.</summary>
    public Task<Allocation> ReleaseAsync(string id, CancellationToken ct = default) => ApiCall.Run(() => _api.ReleaseAllocation(id, ct));

    /// <summary>Approves a request waiting for approval (operator).</summary>
    public Task<Allocation> ApproveAsync(string id, string? reason = null, CancellationToken ct = default) =>
        ApiCall.Run(() => _api.ApproveAllocation(id, new DecisionNote { Reason = reason }, ct));

    /// <summary>Rejects a request waiting for approval (operator).</summary>
    public Task<Allocation> RejectAsync(string id, string? reason = null, CancellationToken ct = default) =>
        ApiCall.Run(() => _api.RejectAllocation(id, new DecisionNote { Reason = reason }, ct));

    /// <summary>Protects an allocation from elastic shrink and reclaim, or lifts that (operator).</summary>
    public Task<Allocation> ProtectAsync(string id, bool protect, CancellationToken ct = default) =>
        ApiCall.Run(() => _api.ProtectAllocation(id, new Protection { Protected = protect }, ct));

    /// <summary>Postpones the reclaim of an idle allocation (operator).</summary>
    public Task<Allocation> PostponeReclaimAsync(string id, Postponement postponement, CancellationToken ct = default) =>
        ApiCall.Run(() => _api.PostponeReclaim(id, postponement, ct));

    /// <summary>Elastic events, oldest first (a department key sees its own tenant's).</summary>
    public Task<ElasticEvents> ElasticEventsAsync(
        string? kind = null, string? tenant = null, DateTimeOffset? since = null, int? limit = null, CancellationToken ct = default) =>
        ApiCall.Run(() => _api.ElasticEvents(kind, tenant, since, limit, ct));
}
