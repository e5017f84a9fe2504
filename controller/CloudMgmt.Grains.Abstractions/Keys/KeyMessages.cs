namespace CloudMgmt.Grains.Keys;

[GenerateSerializer]
public enum ApiRole
{
    /// <summary>Everything.</summary>
    Operator,

    /// <summary>Bound to one tenant: sees and acts on that tenant's allocations only.</summary>
    Department,

    /// <summary>Reads everything, changes nothing.</summary>
    Viewer,
}

/// <summary>An API key as it may be shown: never its secret, never its hash.</summary>
[GenerateSerializer, Immutable]
public sealed record ApiKeyView(string Id, string? Name, ApiRole Role, string? Tenant, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A key just made: the token is returned this once and stored only as a hash.</summary>
[GenerateSerializer, Immutable]
public sealed record IssuedKey(ApiKeyView Key, string Token);
