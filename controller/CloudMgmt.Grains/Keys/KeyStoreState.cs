using CloudMgmt.Grains.Keys;

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

    internal ApiKeyView View() => new(Id, Name, Role, Tenant, CreatedAt, RevokedAt);
}
