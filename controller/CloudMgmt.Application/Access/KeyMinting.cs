using CloudMgmt.Grains.Keys;

namespace CloudMgmt.Application.Access;

/// <summary>What a new key would be: its role, what it is bound to, and when it stops working.</summary>
public sealed record KeyGrant(ApiRole Role, string? Tenant, string? Pool, DateTimeOffset? ExpiresAt);

/// <summary>
/// No key can mint a key broader than itself: not a stronger role, not a wider part of the tree,
/// not a longer life (a key that expires cannot make one that outlives it, which would extend its
/// own expiry by proxy). A pool or tenant outside the creator's part reads as missing, as anywhere else.
/// </summary>
public static class KeyMinting
{
    /// <param name="reach">Where the new key would reach (see <see cref="Resource"/>), resolved from the catalog.</param>
    public static AccessDecision Check(Principal creator, KeyGrant grant, Resource reach, IReadOnlyList<string>? tenantPath = null)
    {
        var access = AccessPolicy.Decide(creator, Operations.KeyCreate, reach, tenantPath);
        if (!access.Allowed)
        {
            return access.Kind == AccessKind.Hidden && reach.Path.Count == 0
                ? AccessDecision.Forbid($"a key scoped to {AccessPolicy.Scope(creator)} cannot mint a key for the whole tree")
                : access;
        }

        if (Power(grant.Role) > Power(creator.Role))
        {
            return AccessDecision.Forbid($"a {Roles.Name(creator.Role)} cannot mint a {Roles.Name(grant.Role)} key");
        }

        if (creator.ExpiresAt is { } limit && (grant.ExpiresAt is not { } expires || expires > limit))
        {
            return AccessDecision.Forbid($"this key expires at {limit:O} and cannot mint one that outlives it");
        }

        return AccessDecision.Allow;
    }

    /// <summary>Operators can do what departments and viewers can, and more; metrics keys only read metrics.</summary>
    private static int Power(ApiRole role) => role == ApiRole.Operator ? 2 : 1;
}
