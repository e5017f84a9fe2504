using Prometheus;

namespace CloudMgmt.Reconciliation.Clouds;

/// <summary>What the reconciler did, for Prometheus. Labels are bounded (cloud ids), never allocation ids.</summary>
internal static class ReconcileMetrics
{
    public static readonly Counter Repairs = Metrics.CreateCounter(
        "cloudmgmt_reconcile_repairs_total", "Grants found changed or missing on a cloud and restored.", "cloud");

    public static readonly Counter Leaks = Metrics.CreateCounter(
        "cloudmgmt_reconcile_leaked_grants_total", "Grants found on a cloud with our marks and no allocation.", "cloud");

    public static readonly Gauge StuckGrants = Metrics.CreateGauge(
        "cloudmgmt_stuck_grants", "Grants on the cloud waiting longer than Reconcile:StuckAfter to be made, resized or removed.", "cloud");

    public static readonly Histogram PassSeconds = Metrics.CreateHistogram(
        "cloudmgmt_reconcile_pass_duration_seconds", "Duration of a reconcile pass over every cloud, by kind of pass.",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.01, 2, 12), LabelNames = ["pass"] });
}
