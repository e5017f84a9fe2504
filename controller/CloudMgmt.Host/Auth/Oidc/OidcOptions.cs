using System.ComponentModel.DataAnnotations;

namespace CloudMgmt.Host.Auth.Oidc;

/// <summary>
/// OpenID Connect bearer tokens from the province's identity provider (section <c>Auth:Oidc</c>),
/// accepted beside API keys when <see cref="Authority"/> is set. Tokens are validated by signature
/// (keys from the provider's discovery document and JWKS), issuer, audience and lifetime.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Auth:Oidc";

    /// <summary>The provider's issuer URL; its discovery document is at {Authority}/.well-known/openid-configuration. Unset: OIDC off.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must carry (the client id the provider issues them for). Required with an authority.</summary>
    public string? Audience { get; set; }

    /// <summary>Fetch the discovery document and keys over https only. Only a test or a loopback provider may turn this off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim that carries the role (one of operator, department, viewer, or a value mapped by <see cref="RoleValues"/>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string RoleClaim { get; set; } = "cloudmgmt_role";

    /// <summary>The claim that carries a department's tenant.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TenantClaim { get; set; } = "cloudmgmt_tenant";

    /// <summary>The claim that scopes an operator or viewer to a pool (its subtree); absent: the whole tree.</summary>
    [Required(AllowEmptyStrings = false)]
    public string PoolClaim { get; set; } = "cloudmgmt_pool";

    /// <summary>The claim shown as the user's name in the audit trail.</summary>
    [Required(AllowEmptyStrings = false)]
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>
    /// The provider's role values mapped to ours, e.g. <c>Auth:Oidc:RoleValues:cloud-admins=operator</c>;
    /// values not listed are taken as our role names themselves.
    /// </summary>
    public Dictionary<string, string> RoleValues { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How far a token's lifetime may be off the controller's clock. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
