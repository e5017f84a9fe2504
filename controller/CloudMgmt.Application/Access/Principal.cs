using CloudMgmt.Domain.Audit;
using CloudMgmt.Grains.Keys;

namespace CloudMgmt.Application.Access;

/// <summary>How a caller proved who it is.</summary>
public enum PrincipalKind
{
    /// <summary>An API key (bearer token made by POST /api/v1/keys, or the operator token).</summary>
    Key,

    /// <summary>A user signed in at the province's identity provider (an OpenID Connect bearer token).</summary>
    Oidc,

    /// <summary>The controller itself: the reconciler, the elastic pass, retention.</summary>
    System,
}

/// <summary>
/// The caller, whatever the channel (HTTP with a key or a token, the console as its signed-in user,
/// the controller's own passes). Every use case takes one and every decision reads it.
/// </summary>
/// <param name="Id">The key's id, the user's subject, or the system actor's name.</param>
/// <param name="Tenant">A department's tenant; null for every other role.</param>
/// <param name="Pool">The pool an operator or viewer is scoped to (its subtree); null for the whole tree.</param>
/// <param name="ExpiresAt">When the credential stops working (a key's expiry); null when it does not, or is not a key.</param>
public sealed record Principal(
    PrincipalKind Kind, string Id, string? Name, ApiRole Role, string? Tenant = null, string? Pool = null, DateTimeOffset? ExpiresAt = null)
{
    /// <summary>The reconciler, as it appears in the audit trail and in allocation histories.</summary>
    public static readonly Principal Reconciler = SystemActor("reconciler");

    /// <summary>The elastic pass.</summary>
    public static readonly Principal Elastic = SystemActor("elastic");

    /// <summary>Audit retention.</summary>
    public static readonly Principal Retention = SystemActor("retention");

    /// <summary>Whether the caller reaches the whole tree (an unscoped operator or viewer, or the system).</summary>
    public bool Unscoped => Tenant is null && Pool is null;

    /// <summary>"kind:id", as allocation histories name who did something ("key:key-1a2b", "oidc:wang.li", "system:elastic").</summary>
    public string Ref => $"{KindName}:{Id}";

    public string KindName => Kind switch
    {
        PrincipalKind.Key => "key",
        PrincipalKind.Oidc => "oidc",
        _ => "system",
    };

    public AuditActor ToActor() => new(KindName, Id, Name, Kind == PrincipalKind.System ? null : Roles.Name(Role), Tenant, Pool);

    private static Principal SystemActor(string name) => new(PrincipalKind.System, name, name, ApiRole.Operator);
}
