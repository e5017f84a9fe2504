using System.Globalization;
using System.Threading.RateLimiting;
using CloudMgmt.Application.Access;
using CloudMgmt.Host.Api;
using CloudMgmt.Host.Hosting.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Host.Auth.RateLimits;

/// <summary>
/// ASP.NET Core's rate limiter, after authentication (so that it knows the caller) and before
/// authorization (so that a refused flood leaves no audit record). Two chained limiters:
/// <list type="bullet">
/// <item>per caller (API key, console session's key, OpenID Connect user): a token bucket sized by role;</item>
/// <item>per source address, drawn on only by requests on the bearer channel (/api, /metrics) that end
/// without a caller: a wrong, revoked or expired token, or none where one is needed. A valid key is
/// never held back by its address's failures, so a flood of wrong tokens through a shared proxy
/// does not lock out the callers behind it.</item>
/// </list>
/// A refusal is 429 application/problem+json with Retry-After. /healthz and /readyz are never limited.
/// </summary>
internal static class RateLimitSetup
{
    public static IServiceCollection AddCloudMgmtRateLimits(this IServiceCollection services)
    {
        Add<OperatorRateLimitOptions>(services);
        Add<DepartmentRateLimitOptions>(services);
        Add<ViewerRateLimitOptions>(services);
        Add<MetricsRateLimitOptions>(services);
        Add<FailedAuthenticationRateLimitOptions>(services);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IServiceProvider>((limiter, provider) =>
        {
            var settings = new RateLimits(Value<OperatorRateLimitOptions>(provider), Value<DepartmentRateLimitOptions>(provider),
                Value<ViewerRateLimitOptions>(provider), Value<MetricsRateLimitOptions>(provider), Value<FailedAuthenticationRateLimitOptions>(provider));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(PerCaller(settings), PerFailingAddress(settings));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static void Add<T>(IServiceCollection services)
        where T : class =>
        services.AddOptions<T>().BindConfiguration(SettingsCatalog.SectionOf(typeof(T))!).ValidateDataAnnotations().ValidateOnStart();

    private static T Value<T>(IServiceProvider provider)
        where T : class => provider.GetRequiredService<IOptions<T>>().Value;

    private static PartitionedRateLimiter<HttpContext> PerCaller(RateLimits settings) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (Exempt(context) || context.User.Caller() is not { } caller)
            {
                return RateLimitPartition.GetNoLimiter("");
            }

            var bucket = settings.For(caller.Role);
            return RateLimitPartition.GetTokenBucketLimiter($"{caller.Role}|{caller.Ref}", _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = bucket.Burst,
                TokensPerPeriod = bucket.PerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            });
        });

    private static PartitionedRateLimiter<HttpContext> PerFailingAddress(RateLimits settings) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (Exempt(context) || !FailedAuthentication(context))
            {
                return RateLimitPartition.GetNoLimiter("");
            }

            var failures = settings.FailedAuthentication;
            return RateLimitPartition.GetTokenBucketLimiter(SourceAddress.Of(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = failures.Burst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / failures.PerMinute,
                QueueLimit = 0,
            });
        });

    /// <summary>No caller came out of authentication, and this request needed one (or sent a token that was refused).</summary>
    private static bool FailedAuthentication(HttpContext context)
    {
        if (context.User.Caller() is not null)
        {
            return false;
        }

        if (AuthRefusal.Of(context) is not null)
        {
            return true;
        }

        var endpoint = context.GetEndpoint();
        return Channels.IsBearer(context.Request.Path) && endpoint?.Metadata.GetMetadata<IAuthorizeData>() is not null
            && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
    }

    private static bool Exempt(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/healthz") || context.Request.Path.StartsWithSegments("/readyz");

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = context.User.Caller() is not null
            ? $"this caller has sent more requests than its role's rate limit allows; try again in {seconds} s"
            : $"too many failed authentications from this address; try again in {seconds} s";
        await Problems.Write(context, StatusCodes.Status429TooManyRequests, "Too many requests", detail);
    }
}
