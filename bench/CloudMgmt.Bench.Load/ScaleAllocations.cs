using System.Diagnostics;
using CloudMgmt.Domain.Allocations;
using CloudMgmt.Grains.Allocations;
using CloudMgmt.Grains.Tenants;

namespace CloudMgmt.Bench.Load;

/// <summary>
/// Scale mode: allocations through the grains as the state grows (the rate of each tenth), then
/// list pages of the largest tenant at every depth (p50/p99).
/// </summary>
internal static class ScaleAllocations
{
    /// <summary>One allocation in <c>BigShare</c> goes to the first tenant, so that one listing is long.</summary>
    public const int BigShare = 10;

    public static string Id(int i) => $"s-{i:D7}";

    public static async Task CreateAsync(IGrainFactory grains, IReadOnlyList<string> tenants, int count, int concurrency)
    {
        var tenths = new double[10];
        var done = 0;
        var started = Stopwatch.GetTimestamp();
        var result = await Report.DriveAsync(count, concurrency, async i =>
        {
            var tenant = i % BigShare == 0 ? tenants[0] : tenants[i % tenants.Count];
            var outcome = await grains.GetGrain<IAllocationGrain>(Id(i)).Submit(new AllocationRequest(tenant, BenchTree.Request, null, 0, "h"));
            var n = Interlocked.Increment(ref done);
            if (n % (count / 10) == 0 && n / (count / 10) <= 10)
            {
                tenths[n / (count / 10) - 1] = Stopwatch.GetElapsedTime(started).TotalSeconds;
            }

            return outcome.Succeeded && outcome.Value!.Status == AllocationStatus.Admitted;
        });
        var rates = tenths.Select((end, k) => count / 10 / (end - (k == 0 ? 0 : tenths[k - 1]))).ToList();
        Console.WriteLine($"allocations: {count:N0} in {result.Elapsed.TotalSeconds:F1} s ({result.PerSecond:F0}/s, {concurrency} in flight, " +
            $"{result.Failed} failed); p50 {result.P50:F1} ms, p99 {result.P99:F1} ms");
        Console.WriteLine($"  rate per tenth: {string.Join(" ", rates.Select(r => r.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}");
        Console.WriteLine($"RESULT allocation creation: first tenth {rates[0]:F0}/s, last tenth {rates[^1]:F0}/s (with {count * 9 / 10:N0} existing)");
    }

    /// <summary>Pages of 50 of the first tenant's listing, from every depth of it, then of other tenants.</summary>
    public static async Task ListAsync(IGrainFactory grains, IReadOnlyList<string> tenants, int count, int pages)
    {
        var big = grains.GetGrain<ITenantGrain>(tenants[0]);
        var bigCount = (count + BigShare - 1) / BigShare;
        var random = new Random(21);
        await big.List(new AllocationQuery(null, null, 50)); // activation, not measured
        var result = await Report.DriveAsync(pages, 1, async _ =>
        {
            var after = Id(random.Next(bigCount) * BigShare);
            var page = await big.List(new AllocationQuery(null, after, 50));
            return page.Items.Count > 0 || page.Next is null;
        });
        Console.WriteLine($"RESULT list page (50) of a tenant with {bigCount:N0} allocations, {pages} pages at random depths, one at a time: " +
            $"p50 {result.P50:F2} ms, p90 {result.P90:F2} ms, p99 {result.P99:F2} ms");
        var filtered = await Report.DriveAsync(Math.Max(1, pages / 10), 1, async _ =>
            (await big.List(new AllocationQuery(AllocationStatus.Admitted, Id(random.Next(bigCount) * BigShare), 50))).Items.Count >= 0);
        Console.WriteLine($"  the same, filtered by status (every one matches): p50 {filtered.P50:F2} ms, p99 {filtered.P99:F2} ms");
    }
}
