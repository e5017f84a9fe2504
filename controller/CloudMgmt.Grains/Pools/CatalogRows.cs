using CloudMgmt.Grains.Persistence;
using Orleans.Serialization;

namespace CloudMgmt.Grains.Pools;

/// <summary>
/// The catalog's storage: one row per pool (ledger <c>catalog/pools</c>) and one per tenant
/// (<c>catalog/tenants</c>), so creating the 100,000th tenant writes one row, not 100,000.
/// A data directory from before keeps its catalog in one grain state (<see cref="CatalogState"/>);
/// on activation its pools and tenants are written as rows, then that state is cleared. A crash
/// in between repeats the move on the next activation; a row already there is newer and is kept.
/// </summary>
internal sealed class CatalogRows(ILedgerStore ledgers, Serializer serializer)
{
    public LedgerRows<PoolSpecState> Pools { get; } = new(ledgers, serializer, "catalog/pools");

    public LedgerRows<TenantSpecState> Tenants { get; } = new(ledgers, serializer, "catalog/tenants");

    public async Task<(Dictionary<string, PoolSpecState> Pools, Dictionary<string, TenantSpecState> Tenants)> LoadAsync(
        IPersistentState<CatalogState> former)
    {
        var pools = await Pools.LoadAsync();
        var tenants = await Tenants.LoadAsync();
        if (!former.RecordExists || former.State.Pools.Count + former.State.Tenants.Count == 0)
        {
            return (pools, tenants);
        }

        Move(former.State.Pools, pools, Pools);
        Move(former.State.Tenants, tenants, Tenants);
        await Pools.FlushAsync();
        await Tenants.FlushAsync();
        await former.ClearStateAsync();
        return (pools, tenants);
    }

    private static void Move<TRow>(Dictionary<string, TRow> from, Dictionary<string, TRow> rows, LedgerRows<TRow> ledger)
        where TRow : class
    {
        foreach (var (id, row) in from)
        {
            if (rows.TryAdd(id, row))
            {
                ledger.Changed(id, row);
            }
        }
    }
}
