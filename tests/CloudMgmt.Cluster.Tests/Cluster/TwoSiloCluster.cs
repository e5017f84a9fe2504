using CloudMgmt.Cluster.Tests.Infrastructure;

namespace CloudMgmt.Cluster.Tests.Cluster;

/// <summary>Two controller processes on a fresh database, started once for the tests that share them.</summary>
public sealed class TwoSiloCluster : IAsyncLifetime
{
    public const string ClusterId = "two-silos";
    public static readonly TimeSpan ReconcileInterval = TimeSpan.FromSeconds(2);

    public TestDatabase Database { get; private set; } = null!;

    public List<ClusterNode> Nodes { get; } = [];

    /// <summary>When both nodes answered; the schedules settle within an interval or two after it.</summary>
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>Both nodes start at once with the sandbox defaults on: each finds no cloud and registers them.</summary>
    public string[] Args { get; } = ClusterArgs.With(
        "--Reconcile:GrantInterval", "00:00:02", "--Reconcile:InventoryInterval", "00:00:02", "--Sandbox:RegisterDefaults", "true");

    public async Task InitializeAsync()
    {
        Database = await PostgresServer.CreateDatabaseAsync();
        Nodes.AddRange(await ClusterNode.StartManyAsync(2, Database.ConnectionString, ClusterId, Args));
        StartedAt = DateTimeOffset.UtcNow;
    }

    public async Task DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
