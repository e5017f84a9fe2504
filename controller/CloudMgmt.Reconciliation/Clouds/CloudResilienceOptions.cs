using System.ComponentModel.DataAnnotations;

namespace CloudMgmt.Reconciliation.Clouds;

/// <summary>How every call to a cloud is guarded. Bound from the "Resilience" configuration section and validated at start.</summary>
public sealed class CloudResilienceOptions
{
    /// <summary>Longest one attempt may take. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a retryable failure (jittered exponential back-off from <see cref="RetryDelay"/>). Default 3.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The longest a cloud's <c>Retry-After</c> is honoured: the retry waits that long instead of its
    /// back-off, and no other call starts before it. Longer asks are cut to this, so that a cloud
    /// cannot stall the reconciler for hours. Default 30 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of failed calls in <see cref="BreakerSampling"/> that opens the cloud's breaker. Default 0.5.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    [Range(2, 100_000)]
    public int BreakerMinimumCalls { get; set; } = 4;

    [Range(typeof(TimeSpan), "00:00:00.5", "01:00:00")]
    public TimeSpan BreakerSampling { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open breaker keeps the cloud out before trying it again. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "01:00:00")]
    public TimeSpan BreakerOpenFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Calls in flight to one cloud at most. Default 8.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentCalls { get; set; } = 8;
}
