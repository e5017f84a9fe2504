using CloudMgmt.Domain.Resources;
using CloudMgmt.Policies.Model;

namespace CloudMgmt.Policies.Filters;

/// <summary>A yes/no rule on one cloud. Chosen by <see cref="Name"/> from the policy.</summary>
internal interface IPlacementFilter
{
    string Name { get; }

    FilterVerdict Check(PlacementRequest request, PlacementCandidate cloud, ResourceVector share, FilterSettings settings);
}

/// <summary>The filters a policy may name, registered explicitly.</summary>
internal static class PlacementFilters
{
    public static readonly IReadOnlyDictionary<string, IPlacementFilter> ByName = new IPlacementFilter[]
    {
        new CapacityFilter(), new HealthyFilter(), new RegionFilter(), new SecurityLevelFilter(),
        new ArchitectureFilter(), new SectorFilter(), new TenantAccessFilter(),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);
}
