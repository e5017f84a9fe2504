using CloudMgmt.Grains.Pools;
using CloudMgmt.Grains.Usage;
using CloudMgmt.Metering;
using CloudMgmt.Reconciliation.Clouds;
using CloudMgmt.Reconciliation.Elastic;

namespace CloudMgmt.Host.Hosting.Settings;

/// <summary>The options classes of settings that had none (they were read with GetValue), bound and validated at start.</summary>
internal static class SettingsSetup
{
    public static IServiceCollection AddCheckedSettings(this IServiceCollection services)
    {
        Add<OrleansPortOptions>(services);
        Add<ClusterOptions>(services);
        Add<ClusterQuartzOptions>(services);
        Add<SandboxRegistrationOptions>(services);
        Add<PlacementOptions>(services);
        Add<ReconcileScheduleOptions>(services);
        Add<ElasticScheduleOptions>(services);
        Add<MeteringScheduleOptions>(services);
        Add<MetricsRefreshOptions>(services);
        Add<ReservationOptions>(services);
        Add<UsageHistoryOptions>(services);
        return services;
    }

    private static void Add<T>(IServiceCollection services)
        where T : class =>
        services.AddOptions<T>().BindConfiguration(SettingsCatalog.SectionOf(typeof(T))!).ValidateDataAnnotations().ValidateOnStart();
}
