using CloudMgmt.Grains.Persistence;

namespace CloudMgmt.Grains.Clouds;

[GenerateSerializer]
public sealed class CloudState
{
    [Id(0)] public string Kind { get; set; } = "";
    [Id(1)] public string Region { get; set; } = "";
    [Id(2)] public Dictionary<string, string> Labels { get; set; } = [];
    [Id(3)] public string? Endpoint { get; set; }
    [Id(4)] public string? CredentialsRef { get; set; }
    [Id(5)] public Dictionary<string, string> Settings { get; set; } = [];
    [Id(6)] public bool Drained { get; set; }
    [Id(7)] public DateTimeOffset RegisteredAt { get; set; }
    [Id(8)] public List<ZoneState> Zones { get; set; } = [];
    [Id(9)] public bool Healthy { get; set; }
    [Id(10)] public string HealthDetail { get; set; } = "";
    [Id(11)] public DateTimeOffset? CheckedAt { get; set; }
    [Id(12)] public Dictionary<string, long> Granted { get; set; } = [];
    [Id(13)] public Dictionary<string, long> Used { get; set; } = [];
    [Id(14)] public int Grants { get; set; }
    [Id(15)] public bool AllowInsecureEndpoint { get; set; }
    [Id(16)] public string? HealthSummary { get; set; }
}

[GenerateSerializer]
public sealed class ZoneState
{
    [Id(0)] public string Zone { get; set; } = "";
    [Id(1)] public string Architecture { get; set; } = "";
    [Id(2)] public Dictionary<string, long> Capacity { get; set; } = [];

    internal ZoneCapacity Load() => new(Zone, Architecture, VectorState.Load(Capacity));

    internal static ZoneState Save(ZoneCapacity z) => new() { Zone = z.Zone, Architecture = z.Architecture, Capacity = VectorState.Save(z.Capacity) };
}

[GenerateSerializer]
public sealed class CloudDirectoryState
{
    [Id(0)] public SortedSet<string> Ids { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Secret (canonical reference) to the cloud holding it; empty in stores from before claims (those clouds are found by a scan).</summary>
    [Id(1)] public Dictionary<string, SecretHolderState> Secrets { get; set; } = new(StringComparer.Ordinal);
}

[GenerateSerializer]
public sealed class SecretHolderState
{
    [Id(0)] public string CloudId { get; set; } = "";
    [Id(1)] public DateTimeOffset ClaimedAt { get; set; }
}
