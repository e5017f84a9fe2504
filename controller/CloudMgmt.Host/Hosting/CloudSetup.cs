using CloudMgmt.Adapters.Sandbox;
using CloudMgmt.Adapters;
using CloudMgmt.Host.Hosting.Settings;
using CloudMgmt.Metering;
using CloudMgmt.Policies;
using CloudMgmt.Reconciliation.Clouds;
using CloudMgmt.Reconciliation.Elastic;
using CloudMgmt.Reconciliation.Scheduling;
using Microsoft.Extensions.Options;
using Polly;
using Quartz;

namespace CloudMgmt.Host.Hosting;

internal static class CloudSetup
{
    /// <summary>Adapters (registered by kind), the resilience pipelines, and the Quartz scheduler with the inventory job.</summary>
    public static IServiceCollection AddCloudManagement(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(PlacementPolicySource.FromFileOrDefault(SettingsCatalog.Read<PlacementOptions>(configuration).PolicyFile));
        services.AddSingleton<CloudMgmt.Grains.Faults.ICrashPoints>(CloudMgmt.Grains.Faults.NoCrashPoints.Instance);
        var data = DataDirectory.Resolve(configuration);
        services.AddCloudCredentials(data);
        // The sandbox by its own type too, so that a test host can put its own in place by adding one.
        services.AddSingleton(sp => new SandboxAdapterFactory(sp.GetRequiredService<TimeProvider>(), Path.Combine(data.Path, "sandbox")));
        services.AddSingleton<ICloudAdapterFactory>(sp => sp.GetRequiredService<SandboxAdapterFactory>());
        services.AddSingleton<ICloudAdapterFactory, CloudMgmt.Adapters.Ec2.Ec2AdapterFactory>();
        services.AddSingleton<ICloudAdapterFactory, CloudMgmt.Adapters.Kubernetes.KubernetesAdapterFactory>();
        services.AddSingleton<ICloudAdapterFactory, CloudMgmt.Adapters.OpenStack.OpenStackAdapterFactory>();
        services.AddSingleton<AdapterRegistry>();
        services.AddSingleton<CloudRegistrations>();
        services.AddOptions<CloudResilienceOptions>().Bind(configuration.GetSection("Resilience")).ValidateDataAnnotations().ValidateOnStart();
        services.AddResiliencePipelineRegistry<string>(); // Polly.Extensions: the registry with Polly's logging and metrics
        services.AddSingleton(sp => new CloudResilience(sp.GetRequiredService<IOptions<CloudResilienceOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Polly.Registry.ResiliencePipelineRegistry<string>>()));
        services.AddSingleton<CloudRefresher>();
        services.AddOptions<StuckWorkOptions>().Bind(configuration.GetSection("Reconcile")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StuckGrants>();
        services.AddSingleton<GrantReconciler>();
        services.AddSingleton<ReconcilePass>();
        services.AddElastic(configuration);
        services.AddMetering(configuration);
        services.AddSingleton<Monitoring.MetricsCollector>();

        var schedule = SettingsCatalog.Read<ReconcileScheduleOptions>(configuration); // validated before the host is built
        services.AddQuartz(q =>
        {
            q.UseCloudMgmtJobStore(configuration); // in memory, or clustered on PostgreSQL (Cluster:Mode)
            q.ScheduleElastic(services, configuration); // the elastic pass (Elastic:Interval)
            q.ScheduleMetering(services, configuration); // metering retention (Metering:RetentionInterval)
            q.ScheduleEvery<InventoryJob>(services, InventoryJob.Key, new("inventory-trigger", "clouds"), schedule.InventoryInterval);
            q.ScheduleEvery<GrantReconcileJob>(services, GrantReconcileJob.Key, new("grants-trigger", "clouds"), schedule.GrantInterval);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.KeepStoredSchedules();
        return services;
    }
}
