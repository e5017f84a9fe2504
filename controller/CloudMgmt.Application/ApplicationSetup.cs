using CloudMgmt.Application.Access;
using CloudMgmt.Application.Audit;
using CloudMgmt.Application.Keys;
using CloudMgmt.Application.Tree;

namespace CloudMgmt.Application;

public static class ApplicationSetup
{
    /// <summary>The use cases, the access decisions and the audit trail, for every channel (HTTP, console) to call.</summary>
    public static IServiceCollection AddCloudMgmtApplication(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KeyOptions>().BindConfiguration(KeyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<TreeLookup>();
        services.AddSingleton<AccessCheck>();
        services.AddSingleton<AuditService>();
        services.AddSingleton<KeyLookup>();
        services.AddSingleton<KeyService>();
        services.AddSingleton<Pools.PoolService>();
        services.AddSingleton<Tenants.TenantService>();
        services.AddSingleton<Allocations.AllocationService>();
        services.AddSingleton<Elastic.ElasticService>();
        services.AddSingleton<Clouds.CloudService>();
        services.AddSingleton<Reports.ReportService>();
        services.AddHostedService<KeyWatch>();
        services.AddSingleton<AuditRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditRetention>());
        return services;
    }
}
