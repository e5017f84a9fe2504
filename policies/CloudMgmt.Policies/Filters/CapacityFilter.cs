using CloudMgmt.Domain.Resources;
using CloudMgmt.Policies.Model;

namespace CloudMgmt.Policies.Filters;

/// <summary>The cloud has room for its share of the request.</summary>
internal sealed class CapacityFilter : IPlacementFilter
{
    public string Name => "capacity";

    public FilterVerdict Check(PlacementRequest request, PlacementCandidate cloud, ResourceVector share, FilterSettings settings)
    {
        var free = cloud.Free;
        if (share.FitsWithin(free))
        {
            return FilterVerdict.Pass(Name);
        }

        var short_ = share.SaturatingSubtract(free);
        return FilterVerdict.Fail(Name, $"needs {share} but has {free} free (short {short_})");
    }
}

/// <summary>The cloud answers (its breaker is closed) and is not being drained.</summary>
internal sealed class HealthyFilter : IPlacementFilter
{
    public string Name => "healthy";

    public FilterVerdict Check(PlacementRequest request, PlacementCandidate cloud, ResourceVector share, FilterSettings settings) =>
        !cloud.Healthy ? FilterVerdict.Fail(Name, "the cloud is unhealthy (not answering, or its circuit breaker is open)")
        : cloud.Drained ? FilterVerdict.Fail(Name, "the cloud is being drained; it takes no new grants")
        : FilterVerdict.Pass(Name);
}
