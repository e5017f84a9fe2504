using System.Diagnostics;
using CloudMgmt.Faults.Tests.Infrastructure;
using CloudMgmt.Faults.Tests.Model;
using Xunit.Abstractions;

namespace CloudMgmt.Faults.Tests;

/// <summary>
/// The model-based fault suite: each seed draws a run of creates, resizes, releases, approvals,
/// rejections, elastic actions and reconcile passes, with crashes at the boundaries between their
/// durable steps; after each crash the controller restarts from disk and every invariant is checked.
/// FAULTS_SEEDS ("1-80", "17", "3,9,12") picks the seeds; FAULTS_SOAK_MINUTES runs fresh seeds until
/// the time is up instead (see README.md).
/// </summary>
public sealed class FaultSuiteTests(FaultHostFixture fixture, ITestOutputHelper output) : IClassFixture<FaultHostFixture>
{
    /// <summary>What CI runs: enough seeds for at least <see cref="MinimumCrashes"/> crash points.</summary>
    private const string CiSeeds = "1-61";

    private const int MinimumCrashes = 1000;

    [Fact]
    public async Task Seeds_CrashAtStepBoundaries_EveryInvariantHoldsAfterRecovery()
    {
        var watch = Stopwatch.StartNew();
        var soak = Environment.GetEnvironmentVariable("FAULTS_SOAK_MINUTES") is { Length: > 0 } minutes ? TimeSpan.FromMinutes(double.Parse(minutes, System.Globalization.CultureInfo.InvariantCulture)) : (TimeSpan?)null;
        var seeds = soak is null ? SeedList.Parse(Environment.GetEnvironmentVariable("FAULTS_SEEDS") ?? CiSeeds) : SeedList.Endless(Environment.TickCount);
        var crashes = 0;
        var runs = 0;
        foreach (var seed in seeds)
        {
            if (soak is { } limit && watch.Elapsed > limit)
            {
                break;
            }

            crashes += await Run.SeedAsync(fixture.Host, seed);
            runs++;
        }

        output.WriteLine($"{runs} seeds, {crashes} crash points in {watch.Elapsed.TotalSeconds:F0} s");
        output.WriteLine($"recovery ms (restart/settle/check): {Driver.Timings.Average(t => t.Restart):F0}/{Driver.Timings.Average(t => t.Settle):F0}/{Driver.Timings.Average(t => t.Check):F0}");
        foreach (var (point, count) in fixture.Host.Crashes.Counts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {point}: reached {count} times, crashed at {fixture.Host.Crashes.FiredCounts.GetValueOrDefault(point)}");
        }

        if (Environment.GetEnvironmentVariable("FAULTS_SEEDS") is null && soak is null)
        {
            Assert.True(crashes >= MinimumCrashes, $"only {crashes} crash points fired over {runs} seeds; CI promises {MinimumCrashes}");
        }
    }
}

/// <summary>Seeds from "1-80", "17" or "3,9,12".</summary>
public static class SeedList
{
    public static IEnumerable<int> Parse(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .SelectMany(part => part.Split('-') is [var from, var to]
            ? Enumerable.Range(int.Parse(from, System.Globalization.CultureInfo.InvariantCulture), int.Parse(to, System.Globalization.CultureInfo.InvariantCulture) - int.Parse(from, System.Globalization.CultureInfo.InvariantCulture) + 1)
            : [int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)]);

    public static IEnumerable<int> Endless(int start)
    {
        for (var seed = Math.Abs(start % 1_000_000) + 1_000; ; seed++)
        {
            yield return seed;
        }
    }
}
