using System.Diagnostics;
using System.Net;
using CloudMgmt.Adapters.Sandbox;
using CloudMgmt.Cluster.Tests.Cluster;
using CloudMgmt.Cluster.Tests.Infrastructure;
using CloudMgmt.Faults.Tests.Infrastructure;
using CloudMgmt.Grains.Pools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudMgmt.Faults.Tests.Cluster;

/// <summary>
/// The controller in clustered mode: <see cref="Silos"/> controller processes on a throw-away
/// PostgreSQL database (tests/setup/postgres.sh), any of which a test can kill with SIGKILL and start
/// again. Their sandbox clouds keep their objects in files here that every process shares, so the
/// silos see one cloud each, as they would a real one. The test reads the grains through an Orleans
/// client of the cluster (as it reads them in one process), and acts through each node's API.
/// </summary>
public sealed class ClusterFaultHost : IFaultTarget, IAsyncDisposable
{
    public const int Silos = 3;
    private const string ClusterId = "faults";

    /// <summary>
    /// The schedules wait (the test runs every pass), pools check unconfirmed reservations 2 s after,
    /// each call's log lines stay out of the output. A lost silo is found after three missed probes of
    /// 3 s (the cluster tests' 1 s and two voted live silos dead while they started on a loaded machine).
    /// </summary>
    private static readonly string[] Args = ClusterArgs.With(
        "--Cluster:Membership:ProbeTimeout", "00:00:03", "--Cluster:Membership:NumMissedProbesLimit", "3",
        "--Reconcile:InventoryInterval", "01:00:00", "--Reconcile:GrantInterval", "01:00:00", "--Elastic:Enabled", "false",
        "--Reservations:SweepInterval", "00:00:00.500", "--Logging:LogLevel:Polly", "Warning", "--Logging:LogLevel:Microsoft.AspNetCore", "Warning");

    private readonly ClusterNode?[] _nodes = new ClusterNode?[Silos];
    private readonly HttpClient?[] _clients = new HttpClient?[Silos];
    private readonly List<ClusterNode> _gone = [];
    private readonly Dictionary<string, SandboxCloud> _clouds = new(StringComparer.Ordinal);
    private readonly TempDirectory _states = new("cloudmgmt-faults-cluster");
    private TestDatabase? _db;
    private IHost? _client;

    public IGrainFactory Grains => _client!.Services.GetRequiredService<IClusterClient>();

    public TimeProvider Clock => TimeProvider.System;

    /// <summary>The nodes that run now.</summary>
    public IReadOnlyList<int> Alive => [.. Enumerable.Range(0, Silos).Where(i => _nodes[i] is { HasExited: false })];

    /// <summary>Every node's output, the lost ones' too: printed with a failing round.</summary>
    public string Logs => string.Join("\n", _gone.Concat(_nodes.OfType<ClusterNode>()).Select(n => $"--- silo port {n.SiloPort}{(n.HasExited ? " (killed)" : "")} ---\n{Tail(n.Log)}"));

    public static async Task<ClusterFaultHost> StartAsync()
    {
        var host = new ClusterFaultHost();
        try
        {
            Directory.CreateDirectory(host._states.Path);
            host._db = await PostgresServer.CreateDatabaseAsync();
            for (var i = 0; i < Silos; i++)
            {
                await host.RestartAsync(i); // one after another: silos that join at once on two busy cores miss each other's probes
            }

            host._client = await ClusterClient.ConnectAsync(host._db.ConnectionString, ClusterId);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>An operator's client of node <paramref name="i"/>'s API.</summary>
    public HttpClient Node(int i) => _clients[i] ?? throw new InvalidOperationException($"node {i} is not running");

    /// <summary>SIGKILL of node <paramref name="i"/>: its silo does not leave the cluster; the others must find out.</summary>
    public async Task KillAsync(int i)
    {
        await _nodes[i]!.KillAsync();
        _gone.Add(_nodes[i]!);
        _clients[i]!.Dispose();
        (_nodes[i], _clients[i]) = (null, null);
    }

    /// <summary>Node <paramref name="i"/> (again): a new silo joins the cluster on the same database.</summary>
    public async Task RestartAsync(int i)
    {
        _nodes[i] = await ClusterNode.StartAsync(_db!.ConnectionString, ClusterId, Setup, Args);
        _clients[i] = _nodes[i]!.Operator();
    }

    /// <summary>The run's tree and clouds, through a live node; each cloud in its own file here.</summary>
    public async Task SeedAsync(Model.Tree tree, double failureRate, int seed)
    {
        await RunSetup.SeedAsync(Node(Alive[0]), tree, cloud =>
        {
            var settings = RunSetup.CloudSettings(tree, failureRate, seed);
            settings["stateFile"] = StateFileName(cloud);
            return settings;
        });
        await ReconcileAsync(tree);
    }

    public async Task ReconcileAsync(Model.Tree tree)
    {
        foreach (var cloud in tree.Clouds)
        {
            await Node(Alive[0]).PostAsync($"/api/v1/clouds/{cloud}/reconcile", null).Expect(HttpStatusCode.OK);
        }
    }

    /// <summary>
    /// Waits (bounded: the pools' own sweeps run on the processes' clocks) until no pool has a
    /// reservation left unconfirmed: those a lost silo left are checked with their allocations after
    /// Reservations:ConfirmAfter.
    /// </summary>
    public async Task WaitForPoolsSettledAsync(Model.Tree tree)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            var usage = await Task.WhenAll(tree.Pools.Select(p => Grains.GetGrain<IQuotaPoolGrain>(p).GetUsage()));
            if (usage.All(u => u.Unconfirmed == 0))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250)); // the sweep of a pool in another process, on real time
        }
    }

    /// <summary>The cloud as it is: read from the file its silos share (under its lock), not from any silo.</summary>
    public SandboxCloud CloudOf(string id)
    {
        lock (_clouds)
        {
            if (!_clouds.TryGetValue(id, out var cloud))
            {
                _clouds[id] = cloud = new SandboxCloud(SandboxPresets.ProvinceX86(), TimeProvider.System);
                cloud.KeepStateIn(StateFileOf(id));
            }

            return cloud;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }

        foreach (var client in _clients.OfType<HttpClient>())
        {
            client.Dispose();
        }

        foreach (var node in _nodes.OfType<ClusterNode>().Concat(_gone))
        {
            await node.DisposeAsync();
        }

        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        _states.Dispose();
    }

    /// <summary>Every node keeps its sandbox state files in the one folder here.</summary>
    private NodeSetup Setup => new(SharedSandboxDirectory: _states.Path);

    private static string StateFileName(string cloud) => cloud + ".json";

    private string StateFileOf(string cloud) => Path.Combine(_states.Path, StateFileName(cloud));

    private static string Tail(string log) => string.Join("\n", log.Split('\n').TakeLast(40));
}
