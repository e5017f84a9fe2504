namespace CloudMgmt.Client.Models;

/// <summary>A new API key.</summary>
public sealed record NewApiKey
{
    /// <summary>operator, department or viewer (see <see cref="ApiKeyRoles"/>).</summary>
    public required string Role { get; init; }

    /// <summary>The tenant a department key acts for.</summary>
    public string? Tenant { get; init; }

    /// <summary>A name for people, e.g. "hr-system".</summary>
    public string? Name { get; init; }

    /// <summary>Scopes an operator or viewer key to this pool and the pools below it; none for the whole tree.</summary>
    public string? Pool { get; init; }

    /// <summary>When the key stops working; none for never. A key that expires makes only keys that expire no later.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}

/// <summary>A rotation: a new token for a key.</summary>
public sealed record KeyRotation
{
    /// <summary>How long the replaced token keeps working, as an ISO 8601 duration ("PT1H"); none when absent (it stops at once).</summary>
    public string? Grace { get; init; }
}

/// <summary>The roles a key can have.</summary>
public static class ApiKeyRoles
{
    /// <summary>Everything (within its pool, when scoped to one).</summary>
    public const string Operator = "operator";

    /// <summary>One tenant's allocations only.</summary>
    public const string Department = "department";

    /// <summary>Read-only (within its pool, when scoped to one).</summary>
    public const string Viewer = "viewer";

    /// <summary>Scrapes /metrics only (a Prometheus credential); no API call.</summary>
    public const string Metrics = "metrics";
}

/// <summary>An API key as listed: never its token.</summary>
/// <param name="Id">The key's id.</param>
/// <param name="Name">A name for people.</param>
/// <param name="Role">operator, department, viewer or metrics.</param>
/// <param name="Tenant">The tenant a department key acts for.</param>
/// <param name="Pool">The pool an operator or viewer key is scoped to; null for the whole tree.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="CreatedBy">Who made it ("key:key-1a2b", "oidc:wang.li").</param>
/// <param name="ExpiresAt">When it stops working; null for never.</param>
/// <param name="LastUsedAt">When it was last used, to the minute.</param>
/// <param name="RotatedAt">When its token was last replaced.</param>
/// <param name="RevokedAt">When it was revoked; null while it works.</param>
public sealed record ApiKey(
    string Id, string? Name, string Role, string? Tenant, string? Pool, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RotatedAt, DateTimeOffset? RevokedAt);

/// <summary>A key just made, with its token: shown this once, never again.</summary>
/// <param name="Id">The key's id.</param>
/// <param name="Name">A name for people.</param>
/// <param name="Role">operator, department, viewer or metrics.</param>
/// <param name="Tenant">The tenant a department key acts for.</param>
/// <param name="Pool">The pool an operator or viewer key is scoped to; null for the whole tree.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="CreatedBy">Who made it.</param>
/// <param name="ExpiresAt">When it stops working; null for never.</param>
/// <param name="Token">The bearer token. Store it as a secret.</param>
public sealed record IssuedApiKey(
    string Id, string? Name, string Role, string? Tenant, string? Pool, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? ExpiresAt, string Token)
{
    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"IssuedApiKey {{ Id = {Id}, Role = {Role}, Tenant = {Tenant}, Pool = {Pool} }}";
}
