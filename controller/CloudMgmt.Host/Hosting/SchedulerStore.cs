using CloudMgmt.Storage.Postgres.Hosting;
using Quartz;

namespace CloudMgmt.Host.Hosting;

/// <summary>
/// Where Quartz keeps its schedule. Embedded: in memory (one process, nothing to share). Clustered:
/// the job store on the cluster's PostgreSQL with Quartz clustering, so each trigger fires on one
/// node per interval however many silos run, and a node that dies has its triggers taken over.
/// The execution history is kept there too (qrtz_execution_history), one feed for the cluster.
/// </summary>
internal static class SchedulerStore
{
    public static void UseCloudMgmtJobStore(this IQuartzBuilder quartz, IConfiguration configuration)
    {
        var cluster = ClusterSettings.From(configuration);
        var timing = Settings.SettingsCatalog.Read<Settings.ClusterQuartzOptions>(configuration); // checked before the host is built
        if (cluster.Mode != ClusterMode.Postgres || string.IsNullOrWhiteSpace(cluster.ConnectionString))
        {
            return;
        }

        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(PostgresClusterSiloBuilderExtensions.Normalize(cluster.ConnectionString));
            store.UseSystemTextJsonSerializer();
            store.UseClustering(c =>
            {
                c.CheckinInterval = timing.CheckinInterval;
                c.CheckinMisfireThreshold = timing.CheckinMisfireThreshold;
            });
            // A trigger later than this is a misfire and moves on to its next interval, rather than
            // firing back to back to catch up (after a slow start, or when every node was down).
            store.ConfigureStore(o => o.MisfireThreshold = timing.MisfireThreshold);
            store.UseExecutionHistory();
            store.ProvisionSchema(); // creates only what is missing; safe when several nodes start at once
        });
    }
}
