using CloudMgmt.Grains.Usage;
using CloudMgmt.Policies.Elastic;
using CloudMgmt.Reconciliation.Scheduling;
using Quartz;

namespace CloudMgmt.Reconciliation.Elastic;

/// <summary>The elastic controller's services (policy from Elastic:PolicyFile or the shipped default, usage history settings) and its schedule.</summary>
internal static class ElasticSetup
{
    public static IServiceCollection AddElastic(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ElasticPolicySource.FromFileOrDefault(Schedule(configuration).PolicyFile));
        services.Configure<UsageHistoryOptions>(configuration.GetSection("Usage"));
        services.AddSingleton<ElasticPass>();
        services.AddSingleton<Audit.SystemAudit>();
        return services;
    }

    /// <summary>Runs the elastic pass every Elastic:Interval (default 1 minute); Elastic:Enabled=false turns it off.</summary>
    public static void ScheduleElastic(this IQuartzBuilder quartz, IServiceCollection services, IConfiguration configuration)
    {
        var schedule = Schedule(configuration);
        TimeSpan? interval = schedule.Enabled ? schedule.Interval : null;
        quartz.ScheduleEvery<ElasticJob>(services, ElasticJob.Key, new("elastic-trigger", "elastic"), interval);
    }

    /// <summary>The Elastic section, needed while the host is built (the host has checked it before; ElasticScheduleOptions).</summary>
    private static ElasticScheduleOptions Schedule(IConfiguration configuration) =>
        configuration.GetSection("Elastic").Get<ElasticScheduleOptions>() ?? new();
}

/// <summary>The scheduled elastic pass; never two at once.</summary>
[DisallowConcurrentExecution]
internal sealed class ElasticJob(ElasticPass pass) : IJob
{
    public static readonly JobKey Key = new("elastic", "elastic");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await pass.RunAsync(cancellationToken);
}
