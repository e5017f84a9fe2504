using Prometheus;

namespace CloudMgmt.Reconciliation.Monitoring;

/// <summary>
/// The controller's own metrics (deploy/prometheus/METRICS.md is the contract with the shipped rules
/// and dashboard). Gauges of state are filled at scrape time by <see cref="MetricsCollector"/>;
/// counters and histograms are counted where things happen. Labels are bounded: cloud, pool and
/// tenant ids, resource names, outcomes — never an allocation id.
/// </summary>
internal static class ControllerMetrics
{
    private static readonly string[] CloudResource = ["cloud", "resource", "unit"];
    private static readonly string[] PoolResource = ["pool", "resource", "unit"];
    private static readonly string[] TenantCloudResource = ["tenant", "cloud", "resource", "unit"];

    public static readonly Gauge CloudCapacity = Metrics.CreateGauge("cloudmgmt_cloud_capacity", "What the cloud can hold.", "cloud", "kind", "resource", "unit");
    public static readonly Gauge CloudGranted = Metrics.CreateGauge("cloudmgmt_cloud_granted", "Granted to allocations on the cloud.", CloudResource);
    public static readonly Gauge CloudUsed = Metrics.CreateGauge("cloudmgmt_cloud_used", "Observed use of the grants on the cloud.", CloudResource);
    public static readonly Gauge CloudHealthy = Metrics.CreateGauge("cloudmgmt_cloud_healthy", "1 when the cloud's last refresh succeeded and its breaker is closed.", "cloud");
    public static readonly Gauge BreakerState = Metrics.CreateGauge("cloudmgmt_cloud_breaker_state", "The cloud's circuit breaker: 0 closed, 1 half-open, 2 open.", "cloud");

    public static readonly Gauge PoolQuota = Metrics.CreateGauge("cloudmgmt_pool_quota", "A pool's nominal quota.", PoolResource);
    public static readonly Gauge PoolReserved = Metrics.CreateGauge("cloudmgmt_pool_reserved", "Reserved in the pool's subtree.", PoolResource);
    public static readonly Gauge PoolBorrowed = Metrics.CreateGauge("cloudmgmt_pool_borrowed", "Borrowed from the pool's parent.", PoolResource);
    public static readonly Gauge PoolLimit = Metrics.CreateGauge("cloudmgmt_pool_limit", "The most the pool's subtree may reserve (quota + borrowing limit).", PoolResource);

    public static readonly Gauge TenantGranted = Metrics.CreateGauge("cloudmgmt_tenant_granted", "Granted to the tenant on the cloud.", TenantCloudResource);
    public static readonly Gauge TenantUsed = Metrics.CreateGauge("cloudmgmt_tenant_used", "Used by the tenant on the cloud.", TenantCloudResource);
    public static readonly Gauge TenantEfficiency = Metrics.CreateGauge("cloudmgmt_tenant_usage_efficiency_ratio", "Used / granted for the tenant on the cloud.", "tenant", "cloud", "resource");
    public static readonly Gauge TenantInfo = Metrics.CreateGauge("cloudmgmt_tenant_info", "1 for each tenant, labelled with its pool (for joins).", "tenant", "pool");

    public static readonly Counter Admissions = Metrics.CreateCounter("cloudmgmt_admissions_total", "Admission decisions by outcome.", "outcome");
    public static readonly Histogram AdmissionSeconds = Metrics.CreateHistogram("cloudmgmt_admission_duration_seconds",
        "Time to decide one allocation request (admission along the pool path, and placement).",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 14) });

    public static readonly Counter AdapterCalls = Metrics.CreateCounter("cloudmgmt_adapter_calls_total", "Calls to clouds by operation and outcome (after retries).", "cloud", "operation", "outcome");
    public static readonly Counter ReconcilePasses = Metrics.CreateCounter("cloudmgmt_reconcile_passes_total", "Reconcile passes by kind and outcome.", "pass", "outcome");
    public static readonly Gauge ReconcileLastSuccess = Metrics.CreateGauge("cloudmgmt_reconcile_last_success_timestamp_seconds", "Unix time of the last pass that completed.", "pass");
    public static readonly Gauge LeakedGrants = Metrics.CreateGauge("cloudmgmt_leaked_grants", "Grants with our marks and no allocation, seen in the last pass.", "cloud");
}
