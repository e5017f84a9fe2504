using CloudMgmt.Grains.Pools;
using CloudMgmt.Storage.Sqlite;

namespace CloudMgmt.Host.Hosting;

internal static class SiloSetup
{
    /// <summary>
    /// The embedded default: one silo in this process with localhost clustering, grain state in
    /// SQLite under the data folder. With Cluster:Mode=postgres: one of several silos sharing a
    /// PostgreSQL database (see <see cref="ClusterSetup"/>).
    /// </summary>
    public static void UseCloudMgmtSilo(this WebApplicationBuilder builder, DataDirectory dataDir)
    {
        var ports = Settings.SettingsCatalog.Read<Settings.OrleansPortOptions>(builder.Configuration); // validated before the build
        var (siloPort, gatewayPort) = (ports.SiloPort, ports.GatewayPort);
        var cluster = ClusterSettings.From(builder.Configuration);
        var errors = cluster.Validate(builder.Configuration, dataDir);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("invalid cluster configuration:\n  " + string.Join("\n  ", errors));
        }

        builder.Services.AddSingleton(cluster);
        builder.Services.AddSingleton<ClusterReadiness>();
        if (cluster.Mode == ClusterMode.Postgres)
        {
            builder.Services.UseClusterShutdownTimeout(cluster);
        }

        builder.UseOrleans(silo =>
        {
            if (cluster.Mode == ClusterMode.Postgres)
            {
                silo.UsePostgresClusterMode(cluster, builder.Configuration, siloPort, gatewayPort);
                return;
            }

            silo.UseLocalhostClustering(siloPort, gatewayPort);
            silo.AddSqliteGrainStorageAsDefault(o => o.DataSource = dataDir.StateDatabase);
        });
    }
}
