using CloudMgmt.Storage.Postgres.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace CloudMgmt.Faults.Tests.Cluster;

/// <summary>An Orleans client of a cluster of controller processes, for a test to read (and ask) the grains directly.</summary>
public static class ClusterClient
{
    /// <summary>Connects through the gateways the membership table lists, as the silos find each other; the service id is the controller's default.</summary>
    public static async Task<IHost> ConnectAsync(string connectionString, string clusterId)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        builder.UseOrleansClient(client =>
        {
            client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) =
                (PostgresClusterSiloBuilderExtensions.Invariant, PostgresClusterSiloBuilderExtensions.Normalize(connectionString)));
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, "cloudmgmt"));
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1)); // a lost silo's gateway is dropped soon
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(20));
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
