using CloudMgmt.Domain.Allocations;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Persistence;
using Orleans.Concurrency;
using Orleans.Serialization;

namespace CloudMgmt.Grains.Tenants;

/// <summary>
/// A department's index of allocations. Reentrant with coalesced writes, like the pools: a burst of
/// requests from one department is one write per batch. The index is a view; the allocation grains
/// stay the source of truth. Listings are read page by page from storage in key order; memory holds
/// only the summaries that count in the tenant's usage (<see cref="TenantIndex"/>).
/// </summary>
[Reentrant]
public sealed class TenantGrain : Grain, ITenantGrain
{
    /// <summary>Rows read per storage page while a status filter skips rows.</summary>
    private const int FilteredPage = 256;

    private readonly LedgerRows<SummaryState> _rows;
    private readonly CoalescingWriter _writer;
    private readonly TenantIndex _index = new();

    public TenantGrain(ILedgerStore ledgers, Serializer serializer, IGrainContext context)
    {
        _rows = new LedgerRows<SummaryState>(ledgers, serializer, "tenant/" + context.GrainId.Key);
        _writer = new CoalescingWriter(_rows.FlushAsync);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        for (string? after = null; ;)
        {
            var page = await _rows.ReadPageAsync(after, 1000);
            _index.Load(page);
            if (page.Count < 1000)
            {
                return;
            }

            after = page[^1].Key;
        }
    }

    public async Task Record(AllocationSummary summary)
    {
        if (!_index.Knows(summary.Id))
        {
            // Not in memory: a new allocation, or a finished one already let go. Storage says which.
            var stored = await _rows.ReadRowAsync(summary.Id);
            if (stored is not null && !_index.Knows(summary.Id))
            {
                _index.Remember(summary.Id, stored);
            }
        }

        if (!_index.TryRecord(summary.Id, SummaryState.Save(summary), out var row))
        {
            return; // an older summary arriving late must not overwrite a newer one
        }

        _rows.Changed(summary.Id, row);
        await _writer.WhenDurable();
    }

    public async Task<AllocationPage> List(AllocationQuery query)
    {
        await _writer.Flush();
        var tenant = this.GetPrimaryKeyString();
        var found = new List<AllocationSummary>(query.Limit + 1);
        var size = query.Status is null ? query.Limit + 1 : Math.Max(query.Limit + 1, FilteredPage);
        for (var after = query.After; found.Count <= query.Limit;)
        {
            var page = await _rows.ReadPageAsync(after, size);
            foreach (var (id, stored) in page)
            {
                // While a silo fails another activation may briefly have written here: the newer summary wins.
                var row = _index.Newest(id, stored);
                if ((query.Status is null || row.Status == query.Status) && found.Count <= query.Limit)
                {
                    found.Add(row.Load(id, tenant));
                }
            }

            if (page.Count < size)
            {
                break;
            }

            after = page[^1].Key;
        }

        var next = found.Count > query.Limit ? found[query.Limit - 1].Id : null;
        return new AllocationPage(found.Take(query.Limit).ToList(), next);
    }

    public Task<TenantUsage> GetUsage()
    {
        var admitted = ResourceVector.Zero;
        var pending = ResourceVector.Zero;
        foreach (var a in _index.Held)
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

        return Task.FromResult(new TenantUsage(admitted, pending, _index.Count));
    }
}
