using CloudMgmt.Storage.Postgres.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace CloudMgmt.Cluster.Tests.Storage;

/// <summary>
/// The Orleans ADO.NET grain storage provider exactly as a silo builds it (same options as
/// UsePostgresCluster), started through its lifecycle hook so that it reads our query texts.
/// </summary>
internal static class AdoNetStorageHarness
{
    public static async Task<(IGrainStorage Storage, ServiceProvider Services)> StartAsync(string connectionString)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSerializer()
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("test", "storage-tests"));
        services.AddAdoNetGrainStorage("test", o => o.Configure<Serializer>((options, serializer) =>
        {
            (options.Invariant, options.ConnectionString) = (PostgresClusterSiloBuilderExtensions.Invariant, PostgresClusterSiloBuilderExtensions.Normalize(connectionString));
            options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        var provider = services.BuildServiceProvider();
        var storage = provider.GetRequiredKeyedService<IGrainStorage>("test");
        var lifecycle = new StartOnlyLifecycle();
        ((ILifecycleParticipant<ISiloLifecycle>)storage).Participate(lifecycle);
        await lifecycle.StartAsync();
        return (storage, provider);
    }

    private sealed class StartOnlyLifecycle : ISiloLifecycle
    {
        private readonly List<(int Stage, ILifecycleObserver Observer)> _observers = [];

        public int HighestCompletedStage { get; private set; }

        public int LowestStoppedStage { get; private set; }

        public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
        {
            _observers.Add((stage, observer));
            return new NoUnsubscribe();
        }

        public async Task StartAsync()
        {
            foreach (var (stage, observer) in _observers.OrderBy(o => o.Stage))
            {
                await observer.OnStart(CancellationToken.None);
                HighestCompletedStage = stage;
            }
        }

        private sealed class NoUnsubscribe : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
