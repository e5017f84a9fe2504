using CloudMgmt.Domain.Allocations;

namespace CloudMgmt.Grains.Tenants;

/// <summary>
/// What a tenant grain keeps in memory of its index: every summary that still holds quota (its
/// usage is their sum), and the last <see cref="FinishedKept"/> that finished, so that a summary
/// arriving late is still compared with the newer one. Older finished allocations live only in
/// storage. Also the number of rows in the index. Not thread-safe: one grain's scheduler.
/// </summary>
internal sealed class TenantIndex
{
    public const int FinishedKept = 1024;

    private readonly Dictionary<string, SummaryState> _rows = new(StringComparer.Ordinal);
    private readonly Queue<string> _finished = new();

    /// <summary>Rows in the tenant's index, finished ones included.</summary>
    public int Count { get; private set; }

    /// <summary>The summaries in memory that hold quota (finished ones hold none).</summary>
    public IEnumerable<SummaryState> Held => _rows.Values.Where(r => AllocationLifecycle.HoldsQuota(r.Status));

    /// <summary>How many summaries are in memory.</summary>
    public int InMemory => _rows.Count;

    public bool Knows(string id) => _rows.ContainsKey(id);

    /// <summary>Rows read from storage at activation: counted, and kept when they hold quota.</summary>
    public void Load(IEnumerable<KeyValuePair<string, SummaryState>> rows)
    {
        foreach (var (id, row) in rows)
        {
            Count++;
            if (AllocationLifecycle.HoldsQuota(row.Status))
            {
                _rows[id] = row;
            }
        }
    }

    /// <summary>A row storage holds but memory had let go of (counted already): kept again for a while.</summary>
    public void Remember(string id, SummaryState stored)
    {
        _rows[id] = stored;
        Keep(id, stored);
    }

    /// <summary>Takes a summary unless memory holds a newer one; false when it is older.</summary>
    public bool TryRecord(string id, SummaryState row, out SummaryState recorded)
    {
        recorded = row;
        if (_rows.TryGetValue(id, out var known))
        {
            if (known.UpdatedAt > row.UpdatedAt)
            {
                return false;
            }
        }
        else
        {
            Count++;
        }

        _rows[id] = row;
        Keep(id, row);
        return true;
    }

    /// <summary>The newer of what storage returned and what memory holds for one id.</summary>
    public SummaryState Newest(string id, SummaryState stored) =>
        _rows.TryGetValue(id, out var known) && known.UpdatedAt > stored.UpdatedAt ? known : stored;

    private void Keep(string id, SummaryState row)
    {
        if (AllocationLifecycle.HoldsQuota(row.Status))
        {
            return;
        }

        _finished.Enqueue(id);
        while (_finished.Count > FinishedKept)
        {
            var old = _finished.Dequeue();
            if (_rows.TryGetValue(old, out var r) && !AllocationLifecycle.HoldsQuota(r.Status))
            {
                _rows.Remove(old);
            }
        }
    }
}
