using CloudMgmt.Domain.Resources;
using Prometheus;

namespace CloudMgmt.Reconciliation.Elastic;

/// <summary>What the elastic controller did, for Prometheus (names and units as in deploy/prometheus/METRICS.md). Labels are bounded: actions, tenants, resources.</summary>
internal static class ElasticMetrics
{
    private const double BytesPerGiB = 1024L * 1024 * 1024;

    public static readonly Counter Actions = Metrics.CreateCounter(
        "cloudmgmt_elastic_actions_total", "Elastic actions taken.", "action");

    public static readonly Gauge IdleGrants = Metrics.CreateGauge(
        "cloudmgmt_idle_grants", "Grants marked idle and awaiting reclaim.", "tenant");

    public static readonly Counter Reclaimed = Metrics.CreateCounter(
        "cloudmgmt_reclaimed_total", "Capacity reclaimed from idle or oversized grants.", "resource", "unit");

    private static readonly HashSet<string> IdleTenants = new(StringComparer.Ordinal);

    /// <summary>Adds what an action gave back, in base units: memory and storage in bytes.</summary>
    public static void AddReclaimed(ResourceVector freed)
    {
        foreach (var (name, amount) in freed.Entries)
        {
            var (resource, unit, scale) = name switch
            {
                ResourceNames.Vcpu => ("vcpu", "core", 1.0),
                ResourceNames.MemoryGiB => ("memory", "byte", BytesPerGiB),
                ResourceNames.StorageGiB => ("storage", "byte", BytesPerGiB),
                ResourceNames.Gpu => ("gpu", "device", 1.0),
                _ => (name, "unit", 1.0),
            };
            Reclaimed.WithLabels(resource, unit).Inc(amount * scale);
        }
    }

    /// <summary>Sets the idle count of every tenant seen in a pass; tenants idle before and not now go to zero.</summary>
    public static void SetIdle(IReadOnlyDictionary<string, int> idleByTenant)
    {
        lock (IdleTenants)
        {
            foreach (var gone in IdleTenants.Where(t => !idleByTenant.ContainsKey(t)).ToList())
            {
                IdleGrants.RemoveLabelled(gone);
                IdleTenants.Remove(gone);
            }

            foreach (var (tenant, count) in idleByTenant)
            {
                IdleGrants.WithLabels(tenant).Set(count);
                IdleTenants.Add(tenant);
            }
        }
    }
}
