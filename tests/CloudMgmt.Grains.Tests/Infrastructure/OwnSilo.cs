using System.Collections.Concurrent;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Policies;
using CloudMgmt.Storage.Sqlite;
using CloudMgmt.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Providers;
using Orleans.Storage;

namespace CloudMgmt.Grains.Tests.Infrastructure;

/// <summary>
/// A silo of its own on a data file the test chooses, for tests about what storage holds across
/// restarts (the shared cluster keeps one file for every test). Counts the ledger writes it makes.
/// </summary>
public sealed class OwnSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private OwnSilo(IHost host, CountingLedgerStore ledgers) => (_host, Ledgers) = (host, ledgers);

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IGrainStorage Storage => _host.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);

    public CountingLedgerStore Ledgers { get; }

    public static async Task<OwnSilo> StartAsync(string dataFile)
    {
        var ledgers = new CountingLedgerStore();
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(FreePort.Next(), FreePort.Next());
                silo.AddSqliteGrainStorageAsDefault(o => o.DataSource = dataFile);
                silo.Services.AddSingleton(TimeProvider.System);
                silo.Services.AddSingleton(PlacementPolicySource.FromFileOrDefault(null));
                silo.Services.AddSingleton<Faults.ICrashPoints>(Faults.NoCrashPoints.Instance);
                silo.Services.AddSingleton<ILedgerStore>(sp =>
                {
                    ledgers.Inner = new SqliteLedgerStore(((SqliteGrainStorage)sp.GetRequiredKeyedService<IGrainStorage>(
                        ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)).Database);
                    return ledgers;
                });
            })
            .Build();
        await host.StartAsync();
        return new OwnSilo(host, ledgers);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>The product's ledger store, with every write's rows and every read recorded by ledger.</summary>
public sealed class CountingLedgerStore : ILedgerStore
{
    public ILedgerStore Inner { get; set; } = null!;

    public ConcurrentQueue<(string Ledger, string[] Keys)> Writes { get; } = new();

    /// <summary>Every read: the ledger, and how many rows a page asked for (-1: the whole ledger, 1: one row).</summary>
    public ConcurrentQueue<(string Ledger, int Limit)> Reads { get; } = new();

    public Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ReadAsync(string ledger)
    {
        Reads.Enqueue((ledger, -1));
        return Inner.ReadAsync(ledger);
    }

    public Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ReadPageAsync(string ledger, string? after, int limit)
    {
        Reads.Enqueue((ledger, limit));
        return Inner.ReadPageAsync(ledger, after, limit);
    }

    public Task<byte[]?> ReadRowAsync(string ledger, string key)
    {
        Reads.Enqueue((ledger, 1));
        return Inner.ReadRowAsync(ledger, key);
    }

    public Task WriteAsync(string ledger, IReadOnlyCollection<KeyValuePair<string, byte[]?>> changes)
    {
        Writes.Enqueue((ledger, changes.Select(c => c.Key).ToArray()));
        return Inner.WriteAsync(ledger, changes);
    }
}
