namespace CloudMgmt.Grains.Keys;

[GenerateSerializer]
public enum ApiRole
{
    /// <summary>Everything (or everything in its pool's subtree, when scoped to a pool).</summary>
    Operator,

    /// <summary>Bound to one tenant: sees and acts on that tenant's allocations only.</summary>
    Department,

    /// <summary>Reads everything (or everything in its pool's subtree), changes nothing.</summary>
    Viewer,

    /// <summary>Scrapes /metrics and nothing else: no API call, no console; never scoped (the metrics cover the whole tree).</summary>
    Metrics,
}

/// <summary>An API key as it may be shown: never its secret, never its hash.</summary>
/// <param name="Pool">The pool an operator or viewer key is scoped to (that pool and its subtree); null for the whole tree.</param>
/// <param name="CreatedBy">Who made it ("key:key-1a2b", "oidc:wang.li", "system:start").</param>
/// <param name="LastUsedAt">When it last authenticated a request, to the minute (recorded in batches, so it may lag a minute).</param>
[GenerateSerializer, Immutable]
public sealed record ApiKeyView(
    string Id, string? Name, ApiRole Role, string? Tenant, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt,
    string? Pool = null, DateTimeOffset? ExpiresAt = null, string? CreatedBy = null, DateTimeOffset? LastUsedAt = null,
    DateTimeOffset? RotatedAt = null);

/// <summary>A key just made or rotated: the token is returned this once and stored only as a hash.</summary>
[GenerateSerializer, Immutable]
public sealed record IssuedKey(ApiKeyView Key, string Token);

/// <summary>What a new key is to be.</summary>
[GenerateSerializer, Immutable]
public sealed record NewKey(ApiRole Role, string? Tenant, string? Pool, string? Name, DateTimeOffset? ExpiresAt, string? CreatedBy);

[GenerateSerializer]
public enum KeyStatus
{
    Valid,
    Unknown,
    Revoked,
    Expired,

    /// <summary>A token replaced by a rotation, after its grace ended.</summary>
    Rotated,
}

/// <summary>The answer for one token hash.</summary>
/// <param name="Key">The key the token belongs to (also when it no longer works, so that the refusal can name it).</param>
/// <param name="ValidUntil">When a valid answer stops being valid: the key's expiry, or the end of a rotated token's grace.</param>
[GenerateSerializer, Immutable]
public sealed record KeyCheck(KeyStatus Status, ApiKeyView? Key, DateTimeOffset? ValidUntil = null)
{
    public static readonly KeyCheck Unknown = new(KeyStatus.Unknown, null);
}
