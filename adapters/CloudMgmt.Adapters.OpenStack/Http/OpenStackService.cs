namespace CloudMgmt.Adapters.OpenStack.Http;

/// <summary>A service the adapter calls: its catalog types, the settings key that overrides its endpoint, and its microversion header.</summary>
internal sealed record OpenStackService(string Name, string[] CatalogTypes, string? MicroversionService)
{
    public static readonly OpenStackService Identity = new("keystone", ["identity"], null);

    /// <summary>Nova. Microversion 2.60 is the one the adapter is written against (quota sets without the file quotas, hypervisor UUIDs).</summary>
    public static readonly OpenStackService Compute = new("nova", ["compute"], "compute");

    /// <summary>Placement. 1.26 has everything read here (usages per project, traits); below 1.38 usages are not grouped by consumer type.</summary>
    public static readonly OpenStackService Placement = new("placement", ["placement"], "placement");

    /// <summary>Cinder, when the catalog has it: the block-storage quota.</summary>
    public static readonly OpenStackService Volume = new("cinder", ["block-storage", "volumev3"], null);
}
