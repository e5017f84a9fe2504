using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Orleans.Storage;

namespace CloudMgmt.Storage.Sqlite.Tests;

[GenerateSerializer]
public sealed class SampleState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public Dictionary<string, long> Amounts { get; set; } = [];
    [Id(2)] public List<string> History { get; set; } = [];
}

/// <summary>Opens <see cref="SqliteGrainStorage"/> instances on one database file, as a silo would.</summary>
public sealed class StorageFixture : IAsyncDisposable
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
    private readonly List<SqliteGrainStorage> _open = [];

    public string File { get; } = Path.Combine(Path.GetTempPath(), "cloudmgmt-storage-tests", Guid.NewGuid().ToString("N"), "state.db");

    public async Task<SqliteGrainStorage> OpenAsync(int maxBatch = 512, Action<SqliteGrainStorageOptions>? configure = null)
    {
        var options = new SqliteGrainStorageOptions
        {
            DataSource = File,
            MaxBatchSize = maxBatch,
            GrainStorageSerializer = new OrleansGrainStorageSerializer(Serializer),
        };
        configure?.Invoke(options);
        var storage = new SqliteGrainStorage("test", options, NullLogger<SqliteGrainStorage>.Instance);
        await storage.StartAsync(CancellationToken.None);
        _open.Add(storage);
        return storage;
    }

    public async Task CloseAsync(SqliteGrainStorage storage)
    {
        await storage.StopAsync(CancellationToken.None);
        _open.Remove(storage);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var storage in _open.ToList())
        {
            await CloseAsync(storage);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(File)!, recursive: true);
    }
}
