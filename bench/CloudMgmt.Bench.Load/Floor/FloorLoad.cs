namespace CloudMgmt.Bench.Load.Floor;

/// <summary>
/// Orleans' own floor on this machine, with the product's SQLite storage: what an admission through
/// a new allocation grain cannot go below. Every variant runs once to warm up (JIT tiering), then
/// <see cref="LoadOptions.Rounds"/> measured rounds.
/// </summary>
internal static class FloorLoad
{
    private static readonly (string Name, int Hops, bool Write, bool Stateless, bool Deactivate)[] Variants =
    [
        ("new stateless grain per request", 0, false, true, false),
        ("new stateful grain per request (its state read finds nothing)", 0, false, false, false),
        ("  + its state written", 0, true, false, false),
        ("  + 3 calls to other grains, state written", 3, true, false, false),
        ("  + 3 calls, state written, then deactivated", 3, true, false, true),
    ];

    public static async Task RunAsync(LoadOptions options)
    {
        await using var silo = await BenchSilo.StartAsync();
        var grains = silo.Grains;
        foreach (var variant in Variants)
        {
            await RoundAsync(grains, variant, "warm", options);
        }

        foreach (var variant in Variants)
        {
            using var sampler = options.AllocationProfile ? new AllocationSampler() : null;
            sampler?.Start();
            var rates = new List<double>();
            var cpu = new List<double>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                var cpuBefore = Environment.CpuUsage.TotalTime;
                rates.Add((await RoundAsync(grains, variant, $"r{round}", options)).PerSecond);
                cpu.Add((Environment.CpuUsage.TotalTime - cpuBefore).TotalMicroseconds / options.Requests);
            }

            Console.WriteLine($"{variant.Name}: median {rates.Order().ElementAt(rates.Count / 2):F0}/s " +
                $"({string.Join(", ", rates.Select(r => r.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}), " +
                $"median {cpu.Order().ElementAt(cpu.Count / 2):F0} µs CPU per request");
            sampler?.Stop();
            sampler?.Print((long)options.Requests * options.Rounds, 8);
        }
    }

    private static Task<Round> RoundAsync(IGrainFactory grains, (string Name, int Hops, bool Write, bool Stateless, bool Deactivate) v, string round, LoadOptions options)
    {
        var prefix = $"{v.Hops}{v.Write}{v.Stateless}{v.Deactivate}-{round}-";
        return Report.DriveAsync(options.Requests, options.Concurrency, i => v.Stateless
            ? grains.GetGrain<IFloorBareGrain>(prefix + i).Submit()
            : grains.GetGrain<IFloorRequestGrain>(prefix + i).Submit(v.Hops, v.Write, v.Deactivate));
    }
}
