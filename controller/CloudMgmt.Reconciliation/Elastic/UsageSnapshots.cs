using CloudMgmt.Adapters;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains.Usage;

namespace CloudMgmt.Reconciliation.Elastic;

/// <summary>Turns what one reconcile pass listed on a cloud into a usage snapshot for the cloud's usage grain.</summary>
internal static class UsageSnapshots
{
    /// <summary>
    /// The observations of the grants the controller wants on the cloud (not those being released,
    /// nor leaks), with tenant and pool as the controller knows them rather than as the cloud's marks say.
    /// </summary>
    public static UsageSnapshot Of(DateTimeOffset at, IReadOnlyList<DesiredGrant> desired, IReadOnlyDictionary<string, GrantObservation> observed) =>
        new(at, desired
            .Where(d => !d.Releasing)
            .Select(d => observed.TryGetValue(d.AllocationId, out var o) ? new GrantUsageSample(d.AllocationId, d.Tenant, d.Pool, o.Granted, o.Used) : null)
            .OfType<GrantUsageSample>()
            .ToList());
}
