using CloudMgmt.Application.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Host.Monitoring;

/// <summary>Who may scrape /metrics (section <c>Metrics</c>).</summary>
public sealed class MetricsAccessOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// Serve /metrics without a credential (default false: the page names every tenant and its
    /// amounts, so it takes a bearer token of a metrics key, or of an unscoped viewer or operator key).
    /// </summary>
    public bool AllowAnonymous { get; set; }
}

internal static class MetricsAccess
{
    /// <summary>The authorization policy of /metrics: a metrics, viewer or operator key that reaches the whole tree.</summary>
    public const string Policy = "scrape";

    public static IServiceCollection AddMetricsAccess(this IServiceCollection services)
    {
        services.AddOptions<MetricsAccessOptions>().BindConfiguration(MetricsAccessOptions.Section).ValidateOnStart();
        services.Configure<AuthorizationOptions>(o => o.AddPolicy(Policy, p => p
            .RequireRole(Roles.Metrics, Roles.Viewer, Roles.Operator)
            .RequireAssertion(c => c.User.FindFirst(PrincipalClaims.Pool) is null))); // a scoped key would see the whole tree here
        return services;
    }

    /// <summary>Requires the scrape credential on <paramref name="metrics"/>, unless <c>Metrics:AllowAnonymous</c>.</summary>
    public static IEndpointConventionBuilder WithScrapeCredential(this IEndpointConventionBuilder metrics, IServiceProvider services) =>
        services.GetRequiredService<IOptions<MetricsAccessOptions>>().Value.AllowAnonymous
            ? metrics.AllowAnonymous()
            : metrics.RequireAuthorization(Policy);
}
