using CloudMgmt.Grains.Pools;
using CloudMgmt.Policies;
using CloudMgmt.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace CloudMgmt.Grains.Tests.Infrastructure;

/// <summary>
/// One in-process Orleans test cluster for the grain tests: the product's grains on the product's
/// SQLite storage, with a fake clock so that reservation sweeps are driven by the test.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    // Silos run in this process, so the configurator below reaches these.
    internal static readonly FakeTimeProvider Clock = new(DateTimeOffset.Parse("2026-11-28T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    internal static readonly string DataFile = Path.Combine(Path.GetTempPath(), "cloudmgmt-grain-tests", Guid.NewGuid().ToString("N"), "state.db");

    /// <summary>How long a reservation stays unconfirmed (on the fake clock) before its pool asks about it.</summary>
    public static readonly TimeSpan ConfirmAfter = TimeSpan.FromMinutes(10);

    /// <summary>Crash points a test arms for one subject; every other call passes (<see cref="ArmedCrashPoints"/>).</summary>
    internal static readonly ArmedCrashPoints CrashPoints = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(DataFile)!, recursive: true);
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddSqliteGrainStorageAsDefault(o => o.DataSource = DataFile);
            siloBuilder.Services.AddSingleton<TimeProvider>(Clock);
            siloBuilder.Services.AddSingleton(PlacementPolicySource.FromFileOrDefault(null));
            siloBuilder.Services.AddSingleton<CloudMgmt.Grains.Faults.ICrashPoints>(CrashPoints);
            siloBuilder.Services.Configure<ReservationOptions>(o =>
            {
                o.SweepInterval = TimeSpan.FromMilliseconds(100); // real time: how often a pool looks
                o.ConfirmAfter = ConfirmAfter;                     // fake time: when it asks
            });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
