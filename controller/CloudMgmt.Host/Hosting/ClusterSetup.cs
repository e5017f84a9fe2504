using CloudMgmt.Storage.Postgres.Hosting;
using Orleans.Configuration;

namespace CloudMgmt.Host.Hosting;

/// <summary>The clustered mode's silo: PostgreSQL membership, grain storage, reminders and ledger rows.</summary>
internal static class ClusterSetup
{
    public static void UsePostgresClusterMode(this ISiloBuilder silo, ClusterSettings cluster, IConfiguration configuration, int siloPort, int gatewayPort)
    {
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
        if (cluster.AdvertisedIP is { } advertised)
        {
            silo.ConfigureEndpoints(advertised, siloPort, gatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            silo.ConfigureEndpoints(siloPort, gatewayPort, listenOnAnyHostAddress: true);
        }

        // Failure detection (ProbeTimeout, NumMissedProbesLimit, ...) may be tuned under Cluster:Membership.
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection("Cluster:Membership"));
        silo.UsePostgresCluster(cluster.ConnectionString!, cluster.MigrateOnStart);

        // On Kubernetes (the Helm chart sets it): silo endpoint and ids from the pod (POD_IP,
        // ORLEANS_CLUSTER_ID/SERVICE_ID from its labels), and the pods of silos declared dead are deleted.
        if (Settings.SettingsCatalog.Read<Settings.ClusterOptions>(configuration).KubernetesHosting)
        {
            silo.UseKubernetesHosting();
        }
    }

    /// <summary>
    /// On SIGTERM the host stops the silo, which leaves the cluster (ShuttingDown, then Dead in the
    /// membership table) and deactivates its grains, whose next calls activate them on the other
    /// silos. That must finish inside the orchestrator's grace period (30 s on Kubernetes).
    /// </summary>
    public static void UseClusterShutdownTimeout(this IServiceCollection services, ClusterSettings cluster) =>
        services.Configure<HostOptions>(o => o.ShutdownTimeout = cluster.ShutdownTimeout);
}
