using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.OpenStack.Placement;

/// <summary>
/// Turns Placement providers into capacity slices per zone and architecture, pure. Resource classes:
/// VCPU → vcpu, MEMORY_MB → memoryGiB, DISK_GB → storageGiB, VGPU/PGPU → gpu. Traits: HW_ARCH_* gives
/// the architecture; CUSTOM_MLPS_LEVEL_n gives securityLevel=n, CUSTOM_XINCHUANG gives xinchuang=true,
/// and the settings can map any other trait to a label.
/// </summary>
internal static class CapacityMap
{
    public static CloudCapacity Build(
        IReadOnlyList<ResourceProvider> providers, IReadOnlyDictionary<string, string> zoneOfProvider, OpenStackSettings settings)
    {
        var slices = providers
            .Where(p => p.Inventories.Any(i => i.ResourceClass == "VCPU"))
            .GroupBy(p => (Zone: zoneOfProvider.GetValueOrDefault(p.Uuid, "nova"), Arch: Architecture(p.Traits, settings)))
            .Select(g => new CapacitySlice(g.Key.Zone, g.Key.Arch, Labels(g.SelectMany(p => p.Traits).Distinct(), g.Key.Arch, settings),
                g.Aggregate(ResourceVector.Zero, (sum, p) => sum + Capacity(p))))
            .OrderBy(s => s.Zone, StringComparer.Ordinal).ThenBy(s => s.Architecture, StringComparer.Ordinal)
            .ToList();
        return new CloudCapacity(slices);
    }

    public static ResourceVector Capacity(ResourceProvider provider)
    {
        long Of(params string[] classes) => provider.Inventories.Where(i => classes.Contains(i.ResourceClass)).Sum(i => Math.Max(0, i.Capacity));
        return ResourceVector.Of(Of("VCPU"), Of("MEMORY_MB") / 1024, Of("DISK_GB"), Of("VGPU", "PGPU"));
    }

    /// <summary>Placement usage classes as a resource vector (memory rounded up to whole GiB: a started GiB is used).</summary>
    public static ResourceVector Usage(IReadOnlyDictionary<string, long> usages)
    {
        long Of(string c) => usages.GetValueOrDefault(c);
        return ResourceVector.Of(Of("VCPU"), (Of("MEMORY_MB") + 1023) / 1024, Of("DISK_GB"), Of("VGPU") + Of("PGPU"));
    }

    private static string Architecture(IReadOnlyList<string> traits, OpenStackSettings settings)
    {
        var trait = traits.FirstOrDefault(t => t.StartsWith("HW_ARCH_", StringComparison.Ordinal));
        return trait is null ? settings.DefaultArchitecture : trait["HW_ARCH_".Length..].ToLowerInvariant();
    }

    private static Dictionary<string, string> Labels(IEnumerable<string> traits, string architecture, OpenStackSettings settings)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["architecture"] = architecture };
        foreach (var trait in traits)
        {
            if (trait.StartsWith("CUSTOM_MLPS_LEVEL_", StringComparison.Ordinal))
                labels["securityLevel"] = trait["CUSTOM_MLPS_LEVEL_".Length..];
            else if (trait == "CUSTOM_XINCHUANG")
                labels["xinchuang"] = "true";
            else if (settings.TraitLabels.TryGetValue(trait, out var label))
                labels[label.Key] = label.Value;
        }
        return labels;
    }
}
