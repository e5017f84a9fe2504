namespace CloudMgmt.Grains.Keys;

[GenerateSerializer]
public sealed class KeyStoreState
{
    /// <summary>Keys by id.</summary>
    [Id(0)] public Dictionary<string, KeyRecord> Keys { get; set; } = [];
}

[GenerateSerializer]
public sealed class KeyRecord
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public string? Name { get; set; }
    [Id(2)] public ApiRole Role { get; set; }
    [Id(3)] public string? Tenant { get; set; }
    [Id(4)] public string TokenHash { get; set; } = "";
    [Id(5)] public DateTimeOffset CreatedAt { get; set; }
    [Id(6)] public DateTimeOffset? RevokedAt { get; set; }
    [Id(7)] public string? Pool { get; set; }
    [Id(8)] public DateTimeOffset? ExpiresAt { get; set; }
    [Id(9)] public string? CreatedBy { get; set; }
    [Id(10)] public DateTimeOffset? LastUsedAt { get; set; }
    [Id(11)] public DateTimeOffset? RotatedAt { get; set; }

    /// <summary>The token a rotation replaced, while its grace lasts.</summary>
    [Id(12)] public string? PreviousTokenHash { get; set; }
    [Id(13)] public DateTimeOffset? PreviousValidUntil { get; set; }

    internal ApiKeyView View() => new(Id, Name, Role, Tenant, CreatedAt, RevokedAt, Pool, ExpiresAt, CreatedBy, LastUsedAt, RotatedAt);

    /// <summary>What a token of this key (<paramref name="previous"/>: the one a rotation replaced) is worth at <paramref name="now"/>.</summary>
    internal KeyCheck Check(bool previous, DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return new KeyCheck(KeyStatus.Revoked, View());
        }

        if (ExpiresAt is { } expires && expires <= now)
        {
            return new KeyCheck(KeyStatus.Expired, View());
        }

        var until = previous ? PreviousValidUntil : ExpiresAt;
        if (previous && (until is null || until <= now))
        {
            return new KeyCheck(KeyStatus.Rotated, View());
        }

        return new KeyCheck(KeyStatus.Valid, View(), ExpiresAt is { } e && until is { } u && e < u ? e : until);
    }
}
