using System.Diagnostics;
using CloudMgmt.Grains.Allocations;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Grains.Tenants;

namespace CloudMgmt.Bench.Load;

/// <summary>
/// Province scale on one node (issue 21): builds the state through the grains, on the embedded
/// default's storage (SQLite in a temporary folder), and measures what it costs as it fills:
/// tenants, allocations, list pages, memory, store size, then a restart to the first admission.
/// </summary>
internal static class ScaleLoad
{
    public static async Task RunAsync(LoadOptions options)
    {
        var silo = await BenchSilo.StartAsync();
        var folder = silo.Folder;
        try
        {
            var catalog = silo.Grains.GetGrain<ICatalogGrain>(CatalogGrain.Key);
            foreach (var pool in BenchTree.Pools(guaranteed: true))
            {
                await catalog.CreatePool(new PoolSpec(pool.Id, pool.Parent, null, pool.Quota, null, pool.Lending, null));
            }

            var leaves = BenchTree.Leaves(guaranteed: true);
            var tenants = await ScaleTenants.CreateAsync(silo.Grains, leaves, options.Tenants, options.Concurrency);
            Memory("after the tenants");
            if (options.Requests > 0)
            {
                await ScaleAllocations.CreateAsync(silo.Grains, tenants, options.Requests, options.Concurrency);
                Memory("after the allocations");
                await ScaleAllocations.ListAsync(silo.Grains, tenants, options.Requests, 1000);
            }

            await silo.StopAsync();
            var bytes = folder.GetFiles().Sum(f => f.Length);
            Console.WriteLine($"RESULT store: {bytes / 1048576.0:F1} MiB on disk after a clean stop " +
                $"({(options.Requests > 0 ? (double)bytes / options.Requests : 0):F0} bytes per allocation, tenants and pools included)");
            await RestartAsync(folder, tenants[^1], options.Requests);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A new silo on the same folder, timed to its first admission (the catalog loads on the way).</summary>
    private static async Task RestartAsync(DirectoryInfo folder, string tenant, int existing)
    {
        var started = Stopwatch.GetTimestamp();
        var silo = await BenchSilo.StartAsync(folder);
        var up = Stopwatch.GetElapsedTime(started);
        var outcome = await silo.Grains.GetGrain<IAllocationGrain>("after-restart").Submit(new AllocationRequest(tenant, BenchTree.Request, null, 0, "h"));
        var first = Stopwatch.GetElapsedTime(started);
        var list = Stopwatch.GetTimestamp();
        await silo.Grains.GetGrain<ITenantGrain>(tenant).List(new CloudMgmt.Grains.Tenants.AllocationQuery(null, null, 50));
        Console.WriteLine($"RESULT restart: silo started in {up.TotalSeconds:F2} s, first admission answered at {first.TotalSeconds:F2} s " +
            $"({(outcome.Succeeded ? "admitted" : "refused")}), with {existing:N0} allocations stored; first list of a tenant " +
            $"{Stopwatch.GetElapsedTime(list).TotalMilliseconds:F0} ms");
        Memory("after the restart");
        await silo.StopAsync();
    }

    private static void Memory(string when)
    {
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"RESULT memory {when}: RSS {self.WorkingSet64 / 1048576.0:F0} MiB, managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MiB " +
            "(silo and load generator in one process)");
    }
}
