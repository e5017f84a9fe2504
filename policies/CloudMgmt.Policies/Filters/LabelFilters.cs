using System.Globalization;
using CloudMgmt.Domain.Placement;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Policies.Model;

namespace CloudMgmt.Policies.Filters;

/// <summary>The cloud's MLPS protection level is at least what the policy and the request need.</summary>
internal sealed class SecurityLevelFilter : IPlacementFilter
{
    public string Name => "securityLevel";

    public FilterVerdict Check(PlacementRequest request, PlacementCandidate cloud, ResourceVector share, FilterSettings settings)
    {
        var asked = int.TryParse(request.Constraint("minSecurityLevel"), NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : 0;
        var needed = Math.Max(settings.Minimum, asked);
        var level = int.TryParse(cloud.Label("securityLevel"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 0;
        return level >= needed
            ? FilterVerdict.Pass(Name)
            : FilterVerdict.Fail(Name, $"security level {level} is below the required {needed}");
    }
}

/// <summary>
/// The cloud has the CPU architecture asked for (by any of its names: <c>arm64</c> is <c>aarch64</c>,
/// <see cref="Architectures"/>), and is a Xinchuang cloud when that is asked for.
/// </summary>
internal sealed class ArchitectureFilter : IPlacementFilter
{
    public string Name => "architecture";

    public FilterVerdict Check(PlacementRequest request, PlacementCandidate cloud, ResourceVector share, FilterSettings settings)
    {
        if (request.Constraint("architecture") is { } arch && !Architectures.Same(arch, cloud.Label("architecture")))
        {
            return FilterVerdict.Fail(Name, $"architecture is {cloud.Label("architecture") ?? "unknown"}, not {arch}");
        }

        return request.Constraint("xinchuang") == "true" && cloud.Label("xinchuang") != "true"
            ? FilterVerdict.Fail(Name, "a Xinchuang (domestic technology) cloud is required")
            : FilterVerdict.Pass(Name);
    }
}

/// <summary>A sector cloud serves only the sectors it is built for; other clouds serve everyone.</summary>
internal sealed class SectorFilter : IPlacementFilter
{
    public string Name => "sector";

    public FilterVerdict Check(PlacementRequest request, PlacementCandidate cloud, ResourceVector share, FilterSettings settings)
    {
        if (!settings.AllowedSectors.TryGetValue(cloud.CloudId, out var sectors))
        {
            return FilterVerdict.Pass(Name);
        }

        return request.Constraint("sector") is { } sector && sectors.Contains(sector, StringComparer.Ordinal)
            ? FilterVerdict.Pass(Name)
            : FilterVerdict.Fail(Name, $"the cloud serves the sectors {string.Join(", ", sectors)} only");
    }
}

/// <summary>Per-cloud allow and deny lists of tenants.</summary>
internal sealed class TenantAccessFilter : IPlacementFilter
{
    public string Name => "tenantAccess";

    public FilterVerdict Check(PlacementRequest request, PlacementCandidate cloud, ResourceVector share, FilterSettings settings)
    {
        if (settings.Deny.TryGetValue(cloud.CloudId, out var denied) && denied.Contains(request.Tenant, StringComparer.Ordinal))
        {
            return FilterVerdict.Fail(Name, $"tenant '{request.Tenant}' is denied on this cloud");
        }

        return settings.Allow.TryGetValue(cloud.CloudId, out var allowed) && !allowed.Contains(request.Tenant, StringComparer.Ordinal)
            ? FilterVerdict.Fail(Name, $"only {string.Join(", ", allowed)} may use this cloud")
            : FilterVerdict.Pass(Name);
    }
}
