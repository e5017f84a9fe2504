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
    private readonly DirectoryInfo _folder;

    private BenchSilo(IHost host, DirectoryInfo folder)
    {
        _host = host;
        _folder = folder;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<BenchSilo> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("cloudmgmt-bench");
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

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _folder.Delete(recursive: true);
    }
}
