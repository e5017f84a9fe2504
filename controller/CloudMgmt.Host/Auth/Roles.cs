using System.Security.Claims;
using CloudMgmt.Grains.Keys;
using Microsoft.AspNetCore.Authentication;

namespace CloudMgmt.Host.Auth;

internal static class Roles
{
    public const string Operator = "operator";
    public const string Department = "department";
    public const string Viewer = "viewer";
    public const string TenantClaim = "cloudmgmt/tenant";

    /// <summary>Policy: any authenticated key may read (departments are further limited to their tenant by the endpoints).</summary>
    public const string CanRead = "read";

    /// <summary>Policy: operators only.</summary>
    public const string CanOperate = "operate";

    /// <summary>Policy: operators and departments may request, resize and release.</summary>
    public const string CanRequest = "request";

    public static string Name(ApiRole role) => role switch
    {
        ApiRole.Operator => Operator,
        ApiRole.Department => Department,
        _ => Viewer,
    };

    public static ApiRole? Parse(string? name) => name switch
    {
        Operator => ApiRole.Operator,
        Department => ApiRole.Department,
        Viewer => ApiRole.Viewer,
        _ => null,
    };

    /// <summary>The tenant a department key is bound to; null for operators and viewers, who see everything.</summary>
    public static string? BoundTenant(this ClaimsPrincipal user) =>
        user.IsInRole(Department) ? user.FindFirstValue(TenantClaim) : null;

    /// <summary>True when this caller may see things of <paramref name="tenant"/>.</summary>
    public static bool MaySee(this ClaimsPrincipal user, string tenant) =>
        user.BoundTenant() is not { } bound || string.Equals(bound, tenant, StringComparison.Ordinal);

    public static string? KeyId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static IServiceCollection AddCloudMgmtAuth(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<KeyCache>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(CanRead, p => p.RequireRole(Operator, Department, Viewer))
            .AddPolicy(CanOperate, p => p.RequireRole(Operator))
            .AddPolicy(CanRequest, p => p.RequireRole(Operator, Department));
        return services;
    }
}
