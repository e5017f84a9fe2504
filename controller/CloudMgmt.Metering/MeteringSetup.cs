using CloudMgmt.Grains.Usage;
using CloudMgmt.Metering.Budgets;
using CloudMgmt.Metering.Reports;
using CloudMgmt.Metering.Statements;
using CloudMgmt.Metering.Supervision;
using CloudMgmt.Policies.Catalogue;
using CloudMgmt.Reconciliation.Scheduling;
using Quartz;

namespace CloudMgmt.Metering;

/// <summary>The metering services (options validated at start, the service catalogue from Metering:CatalogueFile or the shipped default, reports, statements, budgets and their gauges, supervision) and the retention job.</summary>
public static class MeteringSetup
{
    public static IServiceCollection AddMetering(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MeteringOptions>().BindConfiguration("Metering").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(ServiceCatalogueSource.FromFileOrDefault(Schedule(configuration).CatalogueFile));
        services.AddSingleton<UsageReports>();
        services.AddSingleton<StatementService>();
        services.AddSingleton<PoolBudgets>();
        services.AddSingleton<SupervisionService>();
        services.AddSingleton<BudgetGauges>();
        services.AddHostedService(sp => sp.GetRequiredService<BudgetGauges>());
        return services;
    }

    /// <summary>Deletes what is past retention every Metering:RetentionInterval (default 6 hours), once for the whole cluster.</summary>
    public static void ScheduleMetering(this IQuartzBuilder quartz, IServiceCollection services, IConfiguration configuration) =>
        quartz.ScheduleEvery<RetentionJob>(services, RetentionJob.Key, new("metering-retention-trigger", "metering"),
            Schedule(configuration).RetentionInterval);

    /// <summary>The Metering section's jobs and catalogue, needed while the host is built (the host has checked it before).</summary>
    private static MeteringScheduleOptions Schedule(IConfiguration configuration) =>
        configuration.GetSection("Metering").Get<MeteringScheduleOptions>() ?? new();
}
