using System.Diagnostics;
using CloudMgmt.Faults.Tests.Model;
using Xunit.Abstractions;

namespace CloudMgmt.Faults.Tests.Cluster;

/// <summary>
/// The fault suite in clustered mode: three controller processes on PostgreSQL, each round a seeded
/// run of operations on all of them, a burst during which one silo is killed with SIGKILL, more
/// operations while it is down, then its return and the suite's invariants (nothing transitional,
/// pools reserve what the live allocations hold, each cloud grants exactly what is placed on it,
/// every acknowledged request's effect once). FAULTS_CLUSTER_SEEDS picks the rounds' seeds ("1,4" in
/// CI: one round on clouds with room, one on clouds that run out of it); README.md says how to soak.
/// </summary>
[Collection(ControllerProcesses.Name)]
public sealed class ClusteredFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string CiSeeds = "1,4";
    private ClusterFaultHost _host = null!;

    public async Task InitializeAsync() => _host = await ClusterFaultHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Rounds_OneSiloKilledMidOperationsAndBack_EveryInvariantHoldsAfterRecovery()
    {
        var watch = Stopwatch.StartNew();
        var seeds = SeedList.Parse(Environment.GetEnvironmentVariable("FAULTS_CLUSTER_SEEDS") ?? CiSeeds).ToList();
        var (cut, retried) = (0, 0);
        foreach (var seed in seeds)
        {
            var tree = new Tree(seed);
            var round = ClusterRound.Draw(seed, tree.Exhausting);
            var driver = new ClusterDriver(_host, tree, seed);
            try
            {
                await _host.SeedAsync(tree, Run.CloudFailureRate, seed);
                await driver.RunAsync(round);
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException(
                    $"clustered round failed: {round} (replay: FAULTS_CLUSTER_SEEDS={seed} dotnet test tests/CloudMgmt.Faults.Tests --filter Clustered; " +
                    $"the operations, nodes and the kill's moment are seeded, what the lost silo had in flight then is not):\n{ex.Message}\n" +
                    $"--- operations ---\n{driver.Trace}\n--- controller logs ---\n{_host.Logs}");
            }

            output.WriteLine($"{round}: {driver.Cut} requests without a definite answer, {driver.Retried} creates retried with their key");
            (cut, retried) = (cut + driver.Cut, retried + driver.Retried);
        }

        output.WriteLine($"{seeds.Count} rounds in {watch.Elapsed.TotalSeconds:F0} s; {cut} requests cut by the lost silos, {retried} creates retried");
    }
}

/// <summary>The tests that run several controller processes take turns: two cores do not run six silos well.</summary>
[CollectionDefinition(Name)]
public sealed class ControllerProcesses
{
    public const string Name = "controller processes";
}
