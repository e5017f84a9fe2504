using System.ComponentModel.DataAnnotations;
using CloudMgmt.Grains.Keys;

namespace CloudMgmt.Host.Auth.RateLimits;

/// <summary>
/// A key's token bucket (sections <c>RateLimits:Operator</c>, <c>:Department</c>, <c>:Viewer</c>,
/// <c>:Metrics</c>): <see cref="Burst"/> requests at once, refilled by <see cref="PerSecond"/> each
/// second. The defaults are far above what a person or a province's portal sends; they stop a
/// runaway script, not work.
/// </summary>
public abstract class KeyRateLimitOptions
{
    /// <summary>Requests that may arrive at once (the bucket's size).</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; }

    /// <summary>Requests a second once the burst is spent (the refill).</summary>
    [Range(1, 1_000_000)]
    public int PerSecond { get; set; }
}

/// <summary>Each operator key: 5,000 at once, then 1,000 a second.</summary>
public sealed class OperatorRateLimitOptions : KeyRateLimitOptions
{
    public OperatorRateLimitOptions() => (Burst, PerSecond) = (5000, 1000);
}

/// <summary>Each department key: 2,000 at once, then 200 a second.</summary>
public sealed class DepartmentRateLimitOptions : KeyRateLimitOptions
{
    public DepartmentRateLimitOptions() => (Burst, PerSecond) = (2000, 200);
}

/// <summary>Each viewer key: 2,000 at once, then 200 a second.</summary>
public sealed class ViewerRateLimitOptions : KeyRateLimitOptions
{
    public ViewerRateLimitOptions() => (Burst, PerSecond) = (2000, 200);
}

/// <summary>Each metrics key: 100 at once, then 5 a second (Prometheus scrapes every 15–60 s).</summary>
public sealed class MetricsRateLimitOptions : KeyRateLimitOptions
{
    public MetricsRateLimitOptions() => (Burst, PerSecond) = (100, 5);
}

/// <summary>Failed authentications per source address (section <c>RateLimits:FailedAuthentication</c>).</summary>
public sealed class FailedAuthenticationRateLimitOptions
{
    /// <summary>Failures at once.</summary>
    [Range(1, 100_000)]
    public int Burst { get; set; } = 100;

    /// <summary>Failures a minute once the burst is spent.</summary>
    [Range(1, 60_000)]
    public int PerMinute { get; set; } = 60;
}

/// <summary>The buckets as the limiter reads them.</summary>
internal sealed record RateLimits(
    OperatorRateLimitOptions Operator, DepartmentRateLimitOptions Department, ViewerRateLimitOptions Viewer, MetricsRateLimitOptions Metrics,
    FailedAuthenticationRateLimitOptions FailedAuthentication)
{
    public KeyRateLimitOptions For(ApiRole role) => role switch
    {
        ApiRole.Operator => Operator,
        ApiRole.Department => Department,
        ApiRole.Viewer => Viewer,
        _ => Metrics,
    };
}
