using CloudMgmt.Faults.Tests.Infrastructure;

namespace CloudMgmt.Faults.Tests.Model;

/// <summary>One seed, start to end: its tree and clouds, its operations, and a failure message that says how to replay it.</summary>
public static class Run
{
    /// <summary>Operations per seed.</summary>
    public const int Operations = 40;

    /// <summary>Share of operations armed to crash at one of their boundaries (not every armed one gets there).</summary>
    public const double CrashShare = 0.8;

    /// <summary>The sandbox clouds' share of failed calls (retried by the pipeline) and their 1 ms latency.</summary>
    public const double CloudFailureRate = 0.05;

    public static async Task<int> SeedAsync(FaultHost host, int seed)
    {
        var tree = new Tree(seed);
        var driver = new Driver(host, tree, seed);
        try
        {
            await host.SeedAsync(tree, CloudFailureRate, seed);
            await driver.RunAsync(Model.Operations.Draw(seed, Operations, CrashShare, tree.Exhausting));
            return driver.Crashes;
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException(
                $"seed {seed} failed (replay: FAULTS_SEEDS={seed} dotnet test tests/CloudMgmt.Faults.Tests --filter FaultSuite):\n" +
                $"{ex.Message}\n--- operations ---\n{driver.Trace}");
        }
    }
}
