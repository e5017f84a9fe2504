using System.Diagnostics;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Grains.Tenants;

namespace CloudMgmt.Bench.Load;

/// <summary>Scale mode, first phase: tenants created through the catalog, the rate of each thousand.</summary>
internal static class ScaleTenants
{
    public static async Task<IReadOnlyList<string>> CreateAsync(IGrainFactory grains, IReadOnlyList<string> leaves, int tenants, int concurrency)
    {
        var catalog = grains.GetGrain<ICatalogGrain>(CatalogGrain.Key);
        var ids = Enumerable.Range(0, tenants).Select(i => $"dept-{i:D6}").ToList();
        var thousands = new double[(tenants + 999) / 1000];
        var done = new long[thousands.Length];
        var started = Stopwatch.GetTimestamp();
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < tenants)
            {
                var outcome = await catalog.CreateTenant(new TenantSpec(ids[i], leaves[i % leaves.Count], null));
                if (!outcome.Succeeded)
                {
                    throw new InvalidOperationException($"tenant {ids[i]} refused");
                }

                if (Interlocked.Increment(ref done[i / 1000]) == Math.Min(1000, tenants - i / 1000 * 1000))
                {
                    thousands[i / 1000] = Stopwatch.GetElapsedTime(started).TotalSeconds;
                }
            }
        });
        await Task.WhenAll(workers);
        var total = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var rates = thousands.Select((end, k) => 1000 / (end - (k == 0 ? 0 : thousands[k - 1]))).ToList();
        Console.WriteLine($"tenants: {tenants:N0} in {total:F1} s ({tenants / total:F0}/s, {concurrency} in flight)");
        Console.WriteLine($"  rate per thousand: {string.Join(" ", rates.Select(r => r.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}");
        if (rates.Count >= 2)
        {
            Console.WriteLine($"RESULT tenant creation: first thousand {rates[0]:F0}/s, last thousand {rates[^1]:F0}/s, " +
                $"last/first {rates[^1] / rates[0]:F2} (target >= 0.80)");
        }

        return ids;
    }
}
