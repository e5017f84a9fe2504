using CloudMgmt.Domain.Allocations;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Persistence;
using Orleans.Concurrency;
using Orleans.Serialization;

namespace CloudMgmt.Grains.Tenants;

/// <summary>
/// A department's index of allocations. Reentrant with coalesced writes, like the pools: a burst of
/// requests from one department is one write per batch. The index is a view; the allocation grains
/// stay the source of truth.
/// </summary>
[Reentrant]
public sealed class TenantGrain : Grain, ITenantGrain
{
    private readonly LedgerRows<SummaryState> _rows;
    private readonly CoalescingWriter _writer;
    private Dictionary<string, SummaryState> _allocations = [];

    public TenantGrain(ILedgerStore ledgers, Serializer serializer, IGrainContext context)
    {
        _rows = new LedgerRows<SummaryState>(ledgers, serializer, "tenant/" + context.GrainId.Key);
        _writer = new CoalescingWriter(_rows.FlushAsync);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => _allocations = await _rows.LoadAsync();

    public Task Record(AllocationSummary summary)
    {
        if (_allocations.TryGetValue(summary.Id, out var known) && known.UpdatedAt > summary.UpdatedAt)
        {
            return Task.CompletedTask; // an older summary arriving late must not overwrite a newer one
        }

        var row = SummaryState.Save(summary);
        _allocations[summary.Id] = row;
        _rows.Changed(summary.Id, row);
        return _writer.WhenDurable();
    }

    public async Task<AllocationPage> List(AllocationQuery query)
    {
        await RefreshFromStorageAsync();
        var tenant = this.GetPrimaryKeyString();
        var ordered = _allocations
            .Where(a => query.Status is null || a.Value.Status == query.Status)
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .SkipWhile(a => query.After is not null && string.CompareOrdinal(a.Key, query.After) <= 0)
            .Take(query.Limit + 1)
            .Select(a => a.Value.Load(a.Key, tenant))
            .ToList();
        var next = ordered.Count > query.Limit ? ordered[query.Limit - 1].Id : null;
        return new AllocationPage(ordered.Take(query.Limit).ToList(), next);
    }

    /// <summary>
    /// Merges in what storage holds, newest summary winning. While a silo fails, Orleans may briefly
    /// run a second activation of this grain elsewhere; entries that one recorded durably are then
    /// in storage but not in this activation's memory, and a listing must not miss them.
    /// </summary>
    private async Task RefreshFromStorageAsync()
    {
        await _writer.Flush();
        foreach (var (id, stored) in await _rows.LoadAsync())
        {
            if (!_allocations.TryGetValue(id, out var known) || known.UpdatedAt < stored.UpdatedAt)
            {
                _allocations[id] = stored;
            }
        }
    }

    public Task<TenantUsage> GetUsage()
    {
        var admitted = ResourceVector.Zero;
        var pending = ResourceVector.Zero;
        foreach (var a in _allocations.Values)
        {
            if (AllocationLifecycle.HoldsAdmittedQuota(a.Status))
            {
                admitted += VectorState.Load(a.Resources);
            }
            else if (a.Status == AllocationStatus.PendingApproval)
            {
                pending += VectorState.Load(a.Resources);
            }
        }

        return Task.FromResult(new TenantUsage(admitted, pending, _allocations.Count));
    }
}
