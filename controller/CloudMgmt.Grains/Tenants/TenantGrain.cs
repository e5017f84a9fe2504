using CloudMgmt.Domain.Allocations;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Persistence;
using Orleans.Concurrency;

namespace CloudMgmt.Grains.Tenants;

/// <summary>
/// A department's index of allocations. Reentrant with coalesced writes, like the pools: a burst of
/// requests from one department is one write per batch. The index is a view; the allocation grains
/// stay the source of truth.
/// </summary>
[Reentrant]
public sealed class TenantGrain : Grain, ITenantGrain
{
    private readonly IPersistentState<TenantState> _state;
    private readonly CoalescingWriter _writer;

    public TenantGrain([PersistentState("tenant")] IPersistentState<TenantState> state)
    {
        _state = state;
        _writer = new CoalescingWriter(() => _state.WriteStateAsync());
    }

    public Task Record(AllocationSummary summary)
    {
        if (_state.State.Allocations.TryGetValue(summary.Id, out var known) && known.UpdatedAt > summary.UpdatedAt)
        {
            return Task.CompletedTask; // an older summary arriving late must not overwrite a newer one
        }

        _state.State.Allocations[summary.Id] = SummaryState.Save(summary);
        return _writer.WhenDurable();
    }

    public Task<AllocationPage> List(AllocationQuery query)
    {
        var tenant = this.GetPrimaryKeyString();
        var ordered = _state.State.Allocations
            .Where(a => query.Status is null || a.Value.Status == query.Status)
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .SkipWhile(a => query.After is not null && string.CompareOrdinal(a.Key, query.After) <= 0)
            .Take(query.Limit + 1)
            .Select(a => a.Value.Load(a.Key, tenant))
            .ToList();
        var next = ordered.Count > query.Limit ? ordered[query.Limit - 1].Id : null;
        return Task.FromResult(new AllocationPage(ordered.Take(query.Limit).ToList(), next));
    }

    public Task<TenantUsage> GetUsage()
    {
        var admitted = ResourceVector.Zero;
        var pending = ResourceVector.Zero;
        foreach (var a in _state.State.Allocations.Values)
        {
            if (a.Status == AllocationStatus.Admitted)
            {
                admitted += VectorState.Load(a.Resources);
            }
            else if (a.Status == AllocationStatus.PendingApproval)
            {
                pending += VectorState.Load(a.Resources);
            }
        }

        return Task.FromResult(new TenantUsage(admitted, pending, _state.State.Allocations.Count));
    }
}
