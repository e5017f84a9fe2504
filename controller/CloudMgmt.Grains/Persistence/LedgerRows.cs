using Orleans.Serialization;

namespace CloudMgmt.Grains.Persistence;

/// <summary>
/// The rows of one grain's ledger: loaded once on activation, changed in memory, and written as
/// the set of rows changed since the last write (coalesced by <see cref="CoalescingWriter"/>).
/// Not thread-safe by design: it relies on the grain's single-threaded scheduler.
/// </summary>
internal sealed class LedgerRows<TRow>(ILedgerStore store, Serializer serializer, string ledger)
    where TRow : class
{
    private Dictionary<string, TRow?> _dirty = new(StringComparer.Ordinal);

    public async Task<Dictionary<string, TRow>> LoadAsync()
    {
        var rows = await store.ReadAsync(ledger);
        return rows.ToDictionary(r => r.Key, r => serializer.Deserialize<TRow>(r.Value)!, StringComparer.Ordinal);
    }

    /// <summary>At most <paramref name="limit"/> rows after <paramref name="after"/>, in ordinal key order, from storage.</summary>
    public async Task<List<KeyValuePair<string, TRow>>> ReadPageAsync(string? after, int limit)
    {
        var rows = await store.ReadPageAsync(ledger, after, limit);
        return rows.Select(r => new KeyValuePair<string, TRow>(r.Key, serializer.Deserialize<TRow>(r.Value)!)).ToList();
    }

    /// <summary>One row as storage holds it, or null.</summary>
    public async Task<TRow?> ReadRowAsync(string key) =>
        await store.ReadRowAsync(ledger, key) is { } payload ? serializer.Deserialize<TRow>(payload) : null;

    /// <summary>Marks a row as changed (null: deleted); the next <see cref="FlushAsync"/> writes it.</summary>
    public void Changed(string key, TRow? row) => _dirty[key] = row;

    public async Task FlushAsync()
    {
        if (_dirty.Count == 0)
        {
            return;
        }

        var batch = _dirty;
        _dirty = new Dictionary<string, TRow?>(StringComparer.Ordinal);
        var changes = batch.Select(d => new KeyValuePair<string, byte[]?>(d.Key, d.Value is null ? null : serializer.SerializeToArray(d.Value))).ToList();
        try
        {
            await store.WriteAsync(ledger, changes);
        }
        catch
        {
            foreach (var (key, row) in batch)
            {
                _dirty.TryAdd(key, row); // a newer change to the same row wins; the rest is retried next time
            }

            throw;
        }
    }
}
