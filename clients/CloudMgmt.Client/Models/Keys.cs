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
}

/// <summary>The roles a key can have.</summary>
public static class ApiKeyRoles
{
    /// <summary>Everything.</summary>
    public const string Operator = "operator";

    /// <summary>One tenant's allocations only.</summary>
    public const string Department = "department";

    /// <summary>Read-only.</summary>
    public const string Viewer = "viewer";
}

/// <summary>An API key as listed: never its token.</summary>
/// <param name="Id">The key's id.</param>
/// <param name="Name">A name for people.</param>
/// <param name="Role">operator, department or viewer.</param>
/// <param name="Tenant">The tenant a department key acts for.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="RevokedAt">When it was revoked; null while it works.</param>
public sealed record ApiKey(string Id, string? Name, string Role, string? Tenant, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A key just made, with its token: shown this once, never again.</summary>
/// <param name="Id">The key's id.</param>
/// <param name="Name">A name for people.</param>
/// <param name="Role">operator, department or viewer.</param>
/// <param name="Tenant">The tenant a department key acts for.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="Token">The bearer token. Store it as a secret.</param>
public sealed record IssuedApiKey(string Id, string? Name, string Role, string? Tenant, DateTimeOffset CreatedAt, string Token)
{
    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"IssuedApiKey {{ Id = {Id}, Role = {Role}, Tenant = {Tenant} }}";
}
