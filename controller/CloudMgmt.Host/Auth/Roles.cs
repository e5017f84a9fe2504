using System.Security.Claims;
using CloudMgmt.Application.Access;
using CloudMgmt.Grains.Keys;
using CloudMgmt.Host.Auth.Oidc;
using CloudMgmt.Host.Auth.RateLimits;
using CloudMgmt.Host.Monitoring;
using Microsoft.AspNetCore.Authentication;

namespace CloudMgmt.Host.Auth;

internal static class Roles
{
    public const string Operator = Application.Access.Roles.Operator;
    public const string Department = Application.Access.Roles.Department;
    public const string Viewer = Application.Access.Roles.Viewer;
    public const string TenantClaim = Application.Access.PrincipalClaims.Tenant;

    /// <summary>
    /// Policy: any authenticated caller; the application layer decides the rest by resource. Endpoints
    /// moved to the application layer use this; the others keep the role policies below, which refuse
    /// callers scoped to a pool until they move (they would not confine them to their subtree).
    /// </summary>
    public const string Authenticated = "authenticated";

    /// <summary>Policy: any authenticated key may read (departments are further limited to their tenant by the endpoints).</summary>
    public const string CanRead = "read";

    /// <summary>Policy: operators only.</summary>
    public const string CanOperate = "operate";

    /// <summary>Policy: operators and departments may request, resize and release.</summary>
    public const string CanRequest = "request";

    public static string Name(ApiRole role) => Application.Access.Roles.Name(role);

    public static ApiRole? Parse(string? name) => Application.Access.Roles.Parse(name);

    /// <summary>The tenant a department key is bound to; null for operators and viewers, who see everything.</summary>
    public static string? BoundTenant(this ClaimsPrincipal user) =>
        user.IsInRole(Department) ? user.FindFirstValue(TenantClaim) : null;

    /// <summary>True when this caller may see things of <paramref name="tenant"/>.</summary>
    public static bool MaySee(this ClaimsPrincipal user, string tenant) =>
        user.BoundTenant() is not { } bound || string.Equals(bound, tenant, StringComparison.Ordinal);

    /// <summary>Who the caller is in allocation histories: "key:key-1a2b", "oidc:wang.li".</summary>
    public static string? KeyId(this ClaimsPrincipal user) => user.Caller()?.Ref;

    private static bool Unscoped(Microsoft.AspNetCore.Authorization.AuthorizationHandlerContext context) =>
        context.User.FindFirst(Application.Access.PrincipalClaims.Pool) is null;

    public static IServiceCollection AddCloudMgmtAuth(this IServiceCollection services)
    {
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, RefusalAudit>();
        services.AddSingleton<FailedAuthLog>();
        services.AddCloudMgmtRateLimits();
        services.AddMetricsAccess();
        services.AddAuthentication(Channels.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCloudMgmtOidc()
            .AddChannels();
        services.AddAuthorizationBuilder()
            .AddPolicy(Authenticated, p => p.RequireAuthenticatedUser())
            .AddPolicy(CanRead, p => p.RequireRole(Operator, Department, Viewer).RequireAssertion(Unscoped))
            .AddPolicy(CanOperate, p => p.RequireRole(Operator).RequireAssertion(Unscoped))
            .AddPolicy(CanRequest, p => p.RequireRole(Operator, Department).RequireAssertion(Unscoped));
        return services;
    }
}
