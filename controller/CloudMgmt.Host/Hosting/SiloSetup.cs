using CloudMgmt.Grains.Pools;
using CloudMgmt.Storage.Sqlite;

namespace CloudMgmt.Host.Hosting;

internal static class SiloSetup
{
    /// <summary>
    /// The embedded default: one silo in this process with localhost clustering, grain state in
    /// SQLite under the data folder.
    /// </summary>
    public static void UseCloudMgmtSilo(this WebApplicationBuilder builder, DataDirectory dataDir)
    {
        var siloPort = builder.Configuration.GetValue("Orleans:SiloPort", 11111);
        var gatewayPort = builder.Configuration.GetValue("Orleans:GatewayPort", 30000);
        builder.Services.Configure<ReservationOptions>(builder.Configuration.GetSection("Reservations"));
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort);
            silo.AddSqliteGrainStorageAsDefault(o => o.DataSource = dataDir.StateDatabase);
        });
    }
}
