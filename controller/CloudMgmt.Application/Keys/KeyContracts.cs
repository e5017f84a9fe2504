using System.ComponentModel.DataAnnotations;
using CloudMgmt.Grains.Keys;

namespace CloudMgmt.Application.Keys;

/// <param name="Pool">Scopes an operator or viewer key to this pool and its subtree.</param>
/// <param name="ExpiresAt">When the key stops working; a key that expires can only make keys that expire no later.</param>
public sealed record CreateKeyRequest(
    string? Role, string? Tenant, [property: MaxLength(TextRules.DisplayNameMax)] string? Name, string? Pool = null, DateTimeOffset? ExpiresAt = null);

/// <param name="Grace">How long the replaced token keeps working, as an ISO 8601 duration ("PT1H"); none when absent.</param>
public sealed record RotateKeyRequest(string? Grace);

/// <summary>An API key as it is shown: never its token, never its hash.</summary>
public sealed record KeyResponse(
    string Id, string? Name, string Role, string? Tenant, string? Pool, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RotatedAt, DateTimeOffset? RevokedAt)
{
    public static KeyResponse From(ApiKeyView k) => new(
        k.Id, k.Name, Access.Roles.Name(k.Role), k.Tenant, k.Pool, k.CreatedAt, k.CreatedBy, k.ExpiresAt, k.LastUsedAt, k.RotatedAt, k.RevokedAt);
}

/// <summary>A key just made or rotated, with its token: shown this once.</summary>
public sealed record IssuedKeyResponse(
    string Id, string? Name, string Role, string? Tenant, string? Pool, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? ExpiresAt,
    string Token)
{
    public static IssuedKeyResponse From(IssuedKey issued)
    {
        var k = issued.Key;
        return new(k.Id, k.Name, Access.Roles.Name(k.Role), k.Tenant, k.Pool, k.CreatedAt, k.CreatedBy, k.ExpiresAt, issued.Token);
    }
}
