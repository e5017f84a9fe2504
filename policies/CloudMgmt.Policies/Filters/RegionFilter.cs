using CloudMgmt.Domain.Resources;
using CloudMgmt.Policies.Model;

namespace CloudMgmt.Policies.Filters;

/// <summary>
/// Data residency: the cloud's region is one the request allows and one every pool on the
/// request's path allows (a pool's rule binds all pools and tenants below it).
/// </summary>
internal sealed class RegionFilter : IPlacementFilter
{
    public string Name => "region";

    public FilterVerdict Check(PlacementRequest request, PlacementCandidate cloud, ResourceVector share, FilterSettings settings)
    {
        if (request.Constraint("region") is { } asked && !Split(asked).Contains(cloud.Region, StringComparer.Ordinal))
        {
            return FilterVerdict.Fail(Name, $"region '{cloud.Region}' is not among the requested {asked}");
        }

        foreach (var pool in request.PoolPath)
        {
            if (settings.PoolRegions.TryGetValue(pool, out var allowed) && !allowed.Contains(cloud.Region, StringComparer.Ordinal))
            {
                return FilterVerdict.Fail(Name, $"pool '{pool}' keeps its data in {string.Join(", ", allowed)}, not '{cloud.Region}'");
            }
        }

        return FilterVerdict.Pass(Name);
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
