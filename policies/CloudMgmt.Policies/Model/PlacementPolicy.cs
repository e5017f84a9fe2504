namespace CloudMgmt.Policies.Model;

/// <summary>A validated placement policy: which filters apply, with their settings, and how clouds are scored.</summary>
public sealed record PlacementPolicy(
    string Name, IReadOnlyList<FilterSpec> Filters, IReadOnlyList<ScorerSpec> Scorers)
{
    public const string ApiVersion = "cloudmgmt.io/v1";
    public const string Kind = "PlacementPolicy";
}

/// <summary>A filter chosen by name, with its settings (each filter reads its own).</summary>
public sealed record FilterSpec(string Name, FilterSettings Settings);

/// <summary>The settings filters read. Unused ones stay empty.</summary>
public sealed record FilterSettings
{
    /// <summary>region: the regions a pool's data may live in (data residency), by pool id; inherited down the pool path.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> PoolRegions { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>securityLevel: the level every request needs at least, whatever it asks.</summary>
    public int Minimum { get; init; }

    /// <summary>sector: the sectors allowed on a cloud, by cloud id; a cloud not listed is open to all.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AllowedSectors { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>tenantAccess: tenants allowed on a cloud (if listed, only they), by cloud id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Allow { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>tenantAccess: tenants kept off a cloud, by cloud id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Deny { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}

/// <summary>A scorer chosen by name, and its weight (0 to 100).</summary>
public sealed record ScorerSpec(string Name, int Weight);
