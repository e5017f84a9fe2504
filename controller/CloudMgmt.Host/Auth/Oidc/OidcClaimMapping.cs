using System.Security.Claims;
using CloudMgmt.Application.Access;
using CloudMgmt.Domain;

namespace CloudMgmt.Host.Auth.Oidc;

/// <summary>
/// Turns a validated token's claims into a principal: the subject, a name, exactly one recognised
/// role, and the tenant (a department) or pool (a scoped operator or viewer) the configured claims
/// carry. A token that maps to no role, to several, or to a malformed tenant or pool is refused
/// (401): it proves who the user is, but not what the controller should let them do.
/// </summary>
internal static class OidcClaimMapping
{
    public static (Principal? Principal, string? Refusal) Map(ClaimsPrincipal token, OidcOptions options)
    {
        var subject = token.FindFirstValue("sub");
        if (string.IsNullOrEmpty(subject))
        {
            return (null, "the token has no subject ('sub')");
        }

        var roles = token.FindAll(options.RoleClaim)
            .Select(c => Application.Access.Roles.Parse(options.RoleValues.GetValueOrDefault(c.Value, c.Value)))
            .OfType<Grains.Keys.ApiRole>().Distinct().ToList();
        if (roles.Count != 1)
        {
            return (null, roles.Count == 0
                ? $"the token carries no recognised role in '{options.RoleClaim}'"
                : $"the token carries several roles in '{options.RoleClaim}'; give each user one");
        }

        var role = roles[0];
        var tenant = role == Grains.Keys.ApiRole.Department ? token.FindFirstValue(options.TenantClaim) : null;
        var pool = role is Grains.Keys.ApiRole.Operator or Grains.Keys.ApiRole.Viewer ? token.FindFirstValue(options.PoolClaim) : null;
        if (role == Grains.Keys.ApiRole.Department && !Identifier.IsValid(tenant))
        {
            return (null, $"a department's token must carry its tenant id in '{options.TenantClaim}'");
        }

        if (pool is not null && !Identifier.IsValid(pool))
        {
            return (null, $"'{options.PoolClaim}' is not a pool id");
        }

        var name = token.FindFirstValue(options.NameClaim) ?? token.FindFirstValue("name");
        return (new Principal(PrincipalKind.Oidc, subject, name, role, tenant, pool), null);
    }
}
