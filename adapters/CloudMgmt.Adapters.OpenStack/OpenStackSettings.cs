namespace CloudMgmt.Adapters.OpenStack;

/// <summary>
/// The per-cloud settings an operator gives at registration (the cloud's <c>settings</c> map). Every
/// one is optional; the defaults suit a standard Keystone/Nova/Placement deployment.
/// </summary>
internal sealed record OpenStackSettings
{
    /// <summary>Which catalog interface to call: public (default), internal or admin.</summary>
    public string Interface { get; init; } = "public";

    /// <summary>A Keystone domain for every tenant project; by default one domain per pool, named cloudmgmt-{pool}.</summary>
    public string? Domain { get; init; }

    /// <summary>A flavor (name or id) whose size turns a grant's cores and RAM into an instance count; by default one instance per vCPU.</summary>
    public string? Flavor { get; init; }

    /// <summary>Endpoints to use instead of the catalog's, e.g. when the catalog names hosts the controller cannot reach.</summary>
    public string? ComputeEndpoint { get; init; }

    public string? PlacementEndpoint { get; init; }

    public string? VolumeEndpoint { get; init; }

    /// <summary>The CPU architecture of providers that carry no HW_ARCH_* trait.</summary>
    public string DefaultArchitecture { get; init; } = "x86_64";

    /// <summary>Extra trait-to-label mappings, "TRAIT=key:value;TRAIT2=key:value".</summary>
    public IReadOnlyDictionary<string, KeyValuePair<string, string>> TraitLabels { get; init; } =
        new Dictionary<string, KeyValuePair<string, string>>();

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public static OpenStackSettings From(IReadOnlyDictionary<string, string> settings)
    {
        string? Get(string key) => settings.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var result = new OpenStackSettings
        {
            Interface = Get("interface") ?? "public",
            Domain = Get("domain"),
            Flavor = Get("flavor"),
            ComputeEndpoint = Get("computeEndpoint"),
            PlacementEndpoint = Get("placementEndpoint"),
            VolumeEndpoint = Get("volumeEndpoint"),
            DefaultArchitecture = Get("defaultArchitecture") ?? "x86_64",
            TraitLabels = ParseTraitLabels(Get("traitLabels")),
            RequestTimeout = int.TryParse(Get("requestTimeoutSeconds"), out var s) && s > 0 ? TimeSpan.FromSeconds(s) : TimeSpan.FromSeconds(30),
        };
        return result;
    }

    private static Dictionary<string, KeyValuePair<string, string>> ParseTraitLabels(string? text)
    {
        var map = new Dictionary<string, KeyValuePair<string, string>>(StringComparer.Ordinal);
        foreach (var entry in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (trait, label) = (entry.Split('=', 2)[0], entry.Split('=', 2).ElementAtOrDefault(1) ?? "");
            var parts = label.Split(':', 2);
            if (trait.Length > 0 && parts.Length == 2)
                map[trait] = new(parts[0], parts[1]);
        }
        return map;
    }
}
