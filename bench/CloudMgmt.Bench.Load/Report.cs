namespace CloudMgmt.Bench.Load;

/// <summary>One measured round: how many admissions, how long, and the latency percentiles (ms).</summary>
internal sealed record Round(int Requests, int Failed, TimeSpan Elapsed, double P50, double P90, double P99)
{
    /// <summary>The controller process' CPU time per request in this round (http mode), or null.</summary>
    public double? ControllerCpuMicros { get; init; }

    public double PerSecond => Requests / Elapsed.TotalSeconds;

    public static Round FromLatencies(int requests, int failed, TimeSpan elapsed, double[] latenciesMs)
    {
        var sorted = latenciesMs.Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new Round(requests, failed, elapsed, Percentile(0.5), Percentile(0.9), Percentile(0.99));
    }
}

internal static class Report
{
    public static void Print(LoadOptions options, IReadOnlyList<Round> rounds)
    {
        foreach (var (round, i) in rounds.Select((r, i) => (r, i + 1)))
        {
            Console.WriteLine($"round {i}: {round.PerSecond,10:F0}/s  p50 {round.P50,7:F2} ms  p90 {round.P90,7:F2} ms  " +
                $"p99 {round.P99,7:F2} ms  failed {round.Failed}");
        }

        var median = rounds.OrderBy(r => r.PerSecond).ElementAt(rounds.Count / 2);
        double Med(Func<Round, double> f) => rounds.Select(f).Order().ElementAt(rounds.Count / 2);
        var generator = options.Mode == "http" ? $", generator {options.Generator}" : "";
        var what = options.Mode == "http" && options.Target != HttpTarget.Allocations ? $"GET {options.Target.ToString().ToLowerInvariant()} requests" : "admissions";
        Console.WriteLine($"MEDIAN {options.Mode} ({(options.Guaranteed ? "guaranteed" : "lendable")}, concurrency {options.Concurrency}{generator}): " +
            $"{median.PerSecond:F0} {what}/s; p50 {Med(r => r.P50):F2} ms, p90 {Med(r => r.P90):F2} ms, " +
            $"p99 {Med(r => r.P99):F2} ms" +
            (rounds.All(r => r.ControllerCpuMicros is not null) ? $"; controller CPU {Med(r => r.ControllerCpuMicros!.Value):F0} µs per request" : ""));
    }

    /// <summary>
    /// Round 0 warms up (the JIT, the grains, the database) and is not kept; rounds 1 to
    /// <paramref name="rounds"/> are measured. Each prints its rate and <paramref name="run"/>'s note.
    /// </summary>
    public static async Task<IReadOnlyList<Round>> WarmUpThenMeasureAsync(int rounds, Func<int, Task<(Round Round, string? Note)>> run)
    {
        var measured = new List<Round>();
        for (var round = 0; round <= rounds; round++)
        {
            var (result, note) = await run(round);
            if (round > 0)
            {
                measured.Add(result);
            }

            Console.WriteLine($"{(round == 0 ? "warm-up" : "round " + round)} done: {result.PerSecond:F0}/s{(note is null ? "" : ", " + note)}");
        }

        return measured;
    }

    /// <summary>Runs <paramref name="count"/> calls with a fixed number in flight, timing each.</summary>
    public static async Task<Round> DriveAsync(int count, int concurrency, Func<int, Task<bool>> call)
    {
        var latencies = new double[count];
        var failed = 0;
        var next = -1;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                if (!await call(i))
                {
                    Interlocked.Increment(ref failed);
                }

                latencies[i] = System.Diagnostics.Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            }
        });
        await Task.WhenAll(workers);
        return Round.FromLatencies(count, failed, System.Diagnostics.Stopwatch.GetElapsedTime(started), latencies);
    }
}
