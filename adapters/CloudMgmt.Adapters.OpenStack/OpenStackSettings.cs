namespace CloudMgmt.Adapters.OpenStack;

/// <summary>
/// The per-cloud settings an operator gives at registration (the cloud's <c>settings</c> map). Every
/// one is optional; the defaults suit a standard Keystone/Nova/Placement deployment. A value that
/// cannot be used is a problem of the registration, never silently replaced by its default.
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

    /// <summary>The registration's allowInsecureEndpoint: whether catalog and discovered URLs may be http.</summary>
    public bool AllowInsecureEndpoint { get; init; }

    /// <summary>The settings; every problem goes to the reader, each naming its setting.</summary>
    public static OpenStackSettings Read(SettingsReader settings, bool allowInsecureEndpoint) => new()
    {
        Interface = settings.Choice("interface", "public", "public", "internal", "admin"),
        Domain = settings.Text("domain", maxLength: 64),
        Flavor = settings.Text("flavor", maxLength: 255),
        ComputeEndpoint = settings.Url("computeEndpoint", allowInsecureEndpoint),
        PlacementEndpoint = settings.Url("placementEndpoint", allowInsecureEndpoint),
        VolumeEndpoint = settings.Url("volumeEndpoint", allowInsecureEndpoint),
        DefaultArchitecture = settings.Choice("defaultArchitecture", "x86_64", "x86_64", "aarch64", "ppc64le", "s390x", "loongarch64", "riscv64"),
        TraitLabels = ParseTraitLabels(settings),
        RequestTimeout = TimeSpan.FromSeconds(settings.Whole("requestTimeoutSeconds", 1, 3600) ?? 30),
        AllowInsecureEndpoint = allowInsecureEndpoint,
    };

    private static Dictionary<string, KeyValuePair<string, string>> ParseTraitLabels(SettingsReader settings)
    {
        var map = new Dictionary<string, KeyValuePair<string, string>>(StringComparer.Ordinal);
        foreach (var entry in (settings.Text("traitLabels", maxLength: 4096) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (trait, label) = (entry.Split('=', 2)[0], entry.Split('=', 2).ElementAtOrDefault(1) ?? "");
            var parts = label.Split(':', 2);
            if (trait.Length == 0 || parts.Length != 2 || parts[0].Length == 0)
            {
                settings.Problem("traitLabels", $"'{HealthReason.Clean(entry, 64)}' is not TRAIT=key:value");
                continue;
            }

            map[trait] = new(parts[0], parts[1]);
        }

        return map;
    }
}
