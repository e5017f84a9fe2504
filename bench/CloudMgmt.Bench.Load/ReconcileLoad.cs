using System.Diagnostics;
using CloudMgmt.Adapters.Sandbox;
using CloudMgmt.Adapters;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Reconciliation.Clouds;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudMgmt.Bench.Load;

/// <summary>
/// A full reconcile pass (inventory, health, and every grant compared with what the cloud has)
/// over 100 sandbox clouds, with the silo and the reconciler in this process, as in the product.
/// </summary>
internal static class ReconcileLoad
{
    private const int Clouds = 100;

    public static async Task RunAsync(LoadOptions options)
    {
        var perCloud = options.Requests == 20_000 ? 1000 : options.Requests;
        await using var silo = await BenchSilo.StartAsync();
        var grains = silo.Grains;
        var factory = new SandboxAdapterFactory(TimeProvider.System);
        var resilience = new CloudResilience(new CloudResilienceOptions(), TimeProvider.System);
        var registry = new AdapterRegistry([factory], resilience, TimeProvider.System, NullLogger<AdapterRegistry>.Instance);
        var refresher = new CloudRefresher(grains, registry, resilience, TimeProvider.System, NullLogger<CloudRefresher>.Instance);
        var reconciler = new GrantReconciler(grains, registry, resilience, Microsoft.Extensions.Options.Options.Create(new ReconcileScheduleOptions()),
            NullLogger<GrantReconciler>.Instance, CloudMgmt.Grains.Faults.NoCrashPoints.Instance,
            new StuckGrants(grains, Microsoft.Extensions.Options.Options.Create(new StuckWorkOptions()), TimeProvider.System, NullLogger<StuckGrants>.Instance));
        var pass = new ReconcilePass(grains, refresher, reconciler, registry, TimeProvider.System, NullLogger<ReconcilePass>.Instance);

        var setup = Stopwatch.StartNew();
        await SeedAsync(grains, registry, factory, perCloud);
        Console.WriteLine($"seeded {Clouds} clouds x {perCloud} grants in {setup.Elapsed.TotalSeconds:F1} s");
        await pass.RunAsync(CancellationToken.None); // warm-up: also refreshes every inventory

        var seconds = new List<double>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            await pass.RunAsync(CancellationToken.None);
            seconds.Add(watch.Elapsed.TotalSeconds);
            Console.WriteLine($"pass {round}: {watch.Elapsed.TotalSeconds:F2} s, working set {Environment.WorkingSet / (1024 * 1024)} MiB, " +
                $"managed heap {GC.GetTotalMemory(false) / (1024 * 1024)} MiB");
        }

        Console.WriteLine($"MEDIAN reconcile pass over {Clouds * perCloud:N0} grants on {Clouds} clouds: {seconds.Order().ElementAt(seconds.Count / 2):F2} s; " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
    }

    /// <summary>Registers the clouds, holds room for every grant and makes the grants on the sandbox, all confirmed: a steady state.</summary>
    private static async Task SeedAsync(IGrainFactory grains, AdapterRegistry registry, SandboxAdapterFactory factory, int perCloud)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, Clouds), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, _) =>
        {
            var id = $"cloud-{c:D3}";
            var spec = new CloudSpec(id, SandboxAdapter.KindName, "anhui", new Dictionary<string, string>(), null, null, new Dictionary<string, string>());
            await grains.GetGrain<ICloudGrain>(id).Register(spec);
            var adapter = registry.For(spec);
            await grains.GetGrain<ICloudGrain>(id).RecordInventory(new CloudInventory(
                [new ZoneCapacity("hefei-a", "x86_64", ResourceVector.Of(100_000, 400_000))], ResourceVector.Zero, ResourceVector.Zero, 0, true, "seeded", DateTimeOffset.UnixEpoch));
            for (var g = 0; g < perCloud; g++)
            {
                var grant = new GrantRef($"alloc-{c:D3}-{g:D5}", new TenantRef($"tenant-{g % 50}", "dept"));
                var resources = ResourceVector.Of(1, 2);
                await grains.GetGrain<ICloudGrain>(id).Reserve(new DesiredGrant(grant.AllocationId, grant.Tenant.TenantId, "dept", resources, false, Confirmed: true));
                (await adapter.ApplyGrantAsync(new GrantSpec(grant, resources, null, new Dictionary<string, string>()), default)).Unwrap();
            }

        });
    }

}
