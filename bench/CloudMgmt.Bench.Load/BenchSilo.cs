using System.Net;
using System.Net.Sockets;
using CloudMgmt.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudMgmt.Bench.Load;

/// <summary>A silo in this process configured as the embedded default runs it (localhost clustering, SQLite state in a temp folder).</summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchSilo(IHost host, DirectoryInfo folder)
    {
        _host = host;
        Folder = folder;
    }

    /// <summary>The data folder (state.db and its log).</summary>
    public DirectoryInfo Folder { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Starts on <paramref name="folder"/> (a restart) or on a new temporary folder.</summary>
    public static async Task<BenchSilo> StartAsync(DirectoryInfo? folder = null)
    {
        folder ??= Directory.CreateTempSubdirectory("cloudmgmt-bench");
        var host = Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(FreePort(), FreePort());
                silo.AddSqliteGrainStorageAsDefault(o => o.DataSource = Path.Combine(folder.FullName, "state.db"));
                silo.Services.AddSingleton(TimeProvider.System);
                silo.Services.AddSingleton(CloudMgmt.Policies.PlacementPolicySource.FromFileOrDefault(null));
                silo.Services.AddSingleton<CloudMgmt.Grains.Faults.ICrashPoints>(CloudMgmt.Grains.Faults.NoCrashPoints.Instance);
            })
            .Build();
        await host.StartAsync();
        return new BenchSilo(host, folder);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the silo and keeps its data folder.</summary>
    public async Task StopAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Folder.Delete(recursive: true);
    }
}
