using System.Diagnostics;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Grains.Tenants;
using CloudMgmt.Host.Monitoring;
using CloudMgmt.Reconciliation.Clouds;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudMgmt.Bench.Load;

/// <summary>
/// What one Prometheus scrape costs at the scale of a province: 100 clouds, 10,000 tenants each
/// holding vCPU and memory on one cloud, 111 pools. Measures the collector's refresh from the grains
/// plus the text exposition, as /metrics does them, and the size of the page.
/// </summary>
internal static class ScrapeLoad
{
    private const int Clouds = 100;
    private const int TenantsPerCloud = 100;

    public static async Task RunAsync(LoadOptions options)
    {
        await using var silo = await BenchSilo.StartAsync();
        var grains = silo.Grains;
        var setup = Stopwatch.StartNew();
        await SeedAsync(grains);
        Console.WriteLine($"seeded {Clouds} clouds, {Clouds * TenantsPerCloud:N0} tenants in {setup.Elapsed.TotalSeconds:F1} s");

        var everyScrape = Microsoft.Extensions.Options.Options.Create(new CloudMgmt.Host.Hosting.Settings.MetricsRefreshOptions { RefreshEvery = TimeSpan.Zero });
        var collector = new MetricsCollector(grains, new CloudResilience(new CloudResilienceOptions(), TimeProvider.System), everyScrape,
            TimeProvider.System, NullLogger<MetricsCollector>.Instance);
        var registry = Prometheus.Metrics.DefaultRegistry;
        registry.AddBeforeCollectCallback(collector.CollectAsync);

        var millis = new List<double>();
        long bytes = 0, gzipped = 0;
        for (var round = 0; round <= options.Rounds; round++)
        {
            using var page = new MemoryStream();
            var watch = Stopwatch.StartNew();
            await registry.CollectAndExportAsTextAsync(page);
            watch.Stop();
            bytes = page.Length;
            using var zipped = new MemoryStream();
            using (var gzip = new System.IO.Compression.GZipStream(zipped, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
                gzip.Write(page.GetBuffer(), 0, (int)page.Length);
            gzipped = zipped.Length;
            if (round > 0) // the first is the warm-up
                millis.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine($"scrape {round}{(round == 0 ? " (warm-up)" : "")}: {watch.Elapsed.TotalMilliseconds:F0} ms, {bytes / 1024.0:F0} KiB");
        }

        Console.WriteLine($"MEDIAN scrape with {Clouds} clouds and {Clouds * TenantsPerCloud:N0} tenants: {millis.Order().ElementAt(millis.Count / 2):F0} ms, " +
            $"{bytes / 1024.0:F0} KiB uncompressed, {gzipped / 1024.0:F0} KiB gzip (as Prometheus asks for it); working set {Environment.WorkingSet / (1024 * 1024)} MiB");
    }

    private static async Task SeedAsync(IGrainFactory grains)
    {
        var catalog = grains.GetGrain<ICatalogGrain>(CatalogGrain.Key);
        var big = ResourceVector.Of(1_000_000, 4_000_000);
        await catalog.CreatePool(new PoolSpec("province", null, null, big, null, null, null));
        for (var city = 0; city < 10; city++)
            await catalog.CreatePool(new PoolSpec($"city-{city}", "province", null, big, null, null, null));
        await Parallel.ForEachAsync(Enumerable.Range(0, Clouds), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, _) =>
        {
            var pool = $"dept-{c:D3}";
            await catalog.CreatePool(new PoolSpec(pool, $"city-{c % 10}", null, big, null, null, null));
            var tenants = new List<CloudTenantUsage>();
            for (var t = 0; t < TenantsPerCloud; t++)
            {
                var tenant = $"tenant-{c:D3}-{t:D3}";
                await catalog.CreateTenant(new TenantSpec(tenant, pool, null));
                tenants.Add(new CloudTenantUsage(tenant, ResourceVector.Of(8, 32), ResourceVector.Of(3 + t % 5, 12)));
            }
            var id = $"cloud-{c:D3}";
            await grains.GetGrain<ICloudGrain>(id).Register(new CloudSpec(id, "sandbox", "anhui", new Dictionary<string, string>(), null, null, new Dictionary<string, string>()));
            await grains.GetGrain<ICloudDirectoryGrain>(CloudDirectoryGrain.Key).Add(id);
            await grains.GetGrain<ICloudGrain>(id).RecordInventory(new CloudInventory(
                [new ZoneCapacity("hefei-a", "x86_64", ResourceVector.Of(100_000, 400_000))], ResourceVector.Of(800, 3200), ResourceVector.Of(500, 1200),
                TenantsPerCloud, true, "seeded", DateTimeOffset.UtcNow, tenants));
        });
    }
}
