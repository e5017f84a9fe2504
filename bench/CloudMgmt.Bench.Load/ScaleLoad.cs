namespace CloudMgmt.Bench.Load;

/// <summary>
/// Province scale on one node (issue 21): builds the state through the grains, on the embedded
/// default's storage (SQLite in a temporary folder), and measures what it costs as it fills.
/// </summary>
internal static class ScaleLoad
{
    public static async Task RunAsync(LoadOptions options)
    {
        var silo = await BenchSilo.StartAsync();
        try
        {
            var catalog = silo.Grains.GetGrain<CloudMgmt.Grains.Pools.ICatalogGrain>(CloudMgmt.Grains.Pools.CatalogGrain.Key);
            foreach (var pool in BenchTree.Pools(guaranteed: true))
            {
                await catalog.CreatePool(new CloudMgmt.Grains.Pools.PoolSpec(pool.Id, pool.Parent, null, pool.Quota, null, pool.Lending, null));
            }

            var leaves = BenchTree.Leaves(guaranteed: true);
            await ScaleTenants.CreateAsync(silo.Grains, leaves, options.Tenants, options.Concurrency);
        }
        finally
        {
            await silo.DisposeAsync();
        }
    }
}
