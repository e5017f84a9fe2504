using System.Globalization;
using System.Security.Claims;

namespace CloudMgmt.Application.Access;

/// <summary>
/// The one claim shape every way of signing in produces (an API key, an OpenID Connect token), and
/// the way back to the application layer's <see cref="Principal"/>. Endpoints and the console read
/// callers only through <see cref="Caller"/>.
/// </summary>
public static class PrincipalClaims
{
    public const string Kind = "cloudmgmt/kind";
    public const string Tenant = "cloudmgmt/tenant";
    public const string Pool = "cloudmgmt/pool";
    public const string Expires = "cloudmgmt/expires";

    public static ClaimsPrincipal ToClaimsPrincipal(Principal principal, string scheme)
    {
        var claims = new List<Claim>
        {
            new(Kind, principal.KindName),
            new(ClaimTypes.NameIdentifier, principal.Id),
            new(ClaimTypes.Role, Roles.Name(principal.Role)),
        };
        Add(claims, ClaimTypes.Name, principal.Name);
        Add(claims, Tenant, principal.Tenant);
        Add(claims, Pool, principal.Pool);
        Add(claims, Expires, principal.ExpiresAt?.ToString("O", CultureInfo.InvariantCulture));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The caller of an authenticated request; null when the request carries no principal of ours.</summary>
    public static Principal? Caller(this ClaimsPrincipal user)
    {
        var kind = user.FindFirstValue(Kind) switch
        {
            "key" => PrincipalKind.Key,
            "oidc" => PrincipalKind.Oidc,
            _ => (PrincipalKind?)null,
        };
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var role = Roles.Parse(user.FindFirstValue(ClaimTypes.Role));
        if (kind is null || id is null || role is null)
        {
            return null;
        }

        var expires = user.FindFirstValue(Expires) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) : (DateTimeOffset?)null;
        return new Principal(kind.Value, id, user.FindFirstValue(ClaimTypes.Name), role.Value, user.FindFirstValue(Tenant), user.FindFirstValue(Pool), expires);
    }

    private static void Add(List<Claim> claims, string type, string? value)
    {
        if (value is not null)
        {
            claims.Add(new Claim(type, value));
        }
    }
}
