using CloudMgmt.Grains.Allocations;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Grains.Tenants;

namespace CloudMgmt.Bench.Load;

/// <summary>Admissions through the grains, with the silo in this process, as the embedded default runs it.</summary>
internal static class GrainLoad
{
    public static async Task<IReadOnlyList<Round>> RunAsync(LoadOptions options)
    {
        await using var silo = await BenchSilo.StartAsync();
        var grains = silo.Grains;
        var catalog = grains.GetGrain<ICatalogGrain>(CatalogGrain.Key);
        foreach (var pool in BenchTree.Pools(options.Guaranteed))
        {
            await catalog.CreatePool(new PoolSpec(pool.Id, pool.Parent, null, pool.Quota, null, pool.Lending, null));
        }

        var leaves = BenchTree.Leaves(options.Guaranteed);
        foreach (var leaf in leaves)
        {
            await catalog.CreateTenant(new TenantSpec(BenchTree.TenantOf(leaf), leaf, null));
        }

        using var sampler = options.AllocationProfile ? new AllocationSampler() : null;
        var rounds = await Report.WarmUpThenMeasureAsync(options.Rounds, async round =>
        {
            var prefix = $"r{round}-";
            if (round == 1)
            {
                sampler?.Start(); // after the warm-up round
            }

            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var ioBefore = FileIo.Now();
            var cpuBefore = Environment.CpuUsage.TotalTime;
            var result = await Report.DriveAsync(options.Requests, options.Concurrency, async i =>
            {
                var tenant = BenchTree.TenantOf(leaves[i % leaves.Count]);
                var outcome = await grains.GetGrain<IAllocationGrain>(prefix + i)
                    .Submit(new AllocationRequest(tenant, BenchTree.Request, null, 0, "h"));
                return outcome.Succeeded;
            });
            var perRequest = (GC.GetTotalAllocatedBytes() - allocatedBefore) / options.Requests;
            var io = FileIo.Now() - ioBefore;
            var cpu = (Environment.CpuUsage.TotalTime - cpuBefore) / options.Requests;
            return (result, $"per admission: {cpu.TotalMicroseconds:F0} µs CPU (this process, generator included), {perRequest:N0} bytes allocated, " +
                $"{(double)io.Reads / options.Requests:F1} file reads and {(double)io.Writes / options.Requests:F1} file writes (system calls)");
        });

        sampler?.Stop();
        sampler?.Print((long)options.Requests * options.Rounds, 40);
        return rounds;
    }
}
