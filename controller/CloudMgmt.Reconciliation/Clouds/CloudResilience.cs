using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;
using CloudMgmt.Adapters;
using CloudMgmt.Reconciliation.Monitoring;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;
using Polly;

namespace CloudMgmt.Reconciliation.Clouds;

/// <summary>How every call to a cloud is guarded. Bound from the "Resilience" configuration section.</summary>
public sealed class CloudResilienceOptions
{
    /// <summary>Longest one attempt may take. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a retryable failure (jittered exponential back-off from <see cref="RetryDelay"/>). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Share of failed calls in <see cref="BreakerSampling"/> that opens the cloud's breaker. Default 0.5.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    public int BreakerMinimumCalls { get; set; } = 4;

    public TimeSpan BreakerSampling { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open breaker keeps the cloud out before trying it again. Default 30 s.</summary>
    public TimeSpan BreakerOpenFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Calls in flight to one cloud at most. Default 8.</summary>
    public int MaxConcurrentCalls { get; set; } = 8;
}

/// <summary>
/// One Polly pipeline per cloud: rate limit (concurrency), circuit breaker, retry of retryable
/// failures with jitter, and a timeout per attempt. The breaker sits outside the retry, so it counts
/// calls that failed after their retries: a cloud failing half its attempts still works (and is
/// not cut off), one failing them all is. The breaker's state tells whether the cloud is healthy.
/// </summary>
internal sealed class CloudResilience(CloudResilienceOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (ResiliencePipeline Pipeline, CircuitBreakerStateProvider Breaker)> _clouds = new(StringComparer.Ordinal);

    public bool IsOpen(string cloudId) =>
        _clouds.TryGetValue(cloudId, out var c) && c.Breaker.CircuitState is CircuitState.Open or CircuitState.Isolated;

    /// <summary>The breaker as Prometheus shows it: 0 closed, 1 half-open, 2 open (isolated counts as open).</summary>
    public int BreakerState(string cloudId) => !_clouds.TryGetValue(cloudId, out var c) ? 0 : c.Breaker.CircuitState switch
    {
        CircuitState.HalfOpen => 1,
        CircuitState.Open or CircuitState.Isolated => 2,
        _ => 0,
    };

    /// <summary>Runs one adapter call under the cloud's pipeline; an open breaker, a time-out or a rejection comes back as an error value.</summary>
    public async Task<AdapterResult<T>> CallAsync<T>(
        string cloudId, Func<CancellationToken, Task<AdapterResult<T>>> call, CancellationToken cancellationToken,
        [CallerArgumentExpression(nameof(call))] string operation = "")
    {
        var result = await CallUncountedAsync(cloudId, call, cancellationToken);
        ControllerMetrics.AdapterCalls.WithLabels(cloudId, AdapterOperations.Name(operation), AdapterOperations.Outcome(result.Error)).Inc();
        return result;
    }

    private async Task<AdapterResult<T>> CallUncountedAsync<T>(string cloudId, Func<CancellationToken, Task<AdapterResult<T>>> call, CancellationToken cancellationToken)
    {
        var pipeline = _clouds.GetOrAdd(cloudId, _ => Build()).Pipeline;
        try
        {
            return await pipeline.ExecuteAsync(async ct => await call(ct), cancellationToken);
        }
        catch (BrokenCircuitException)
        {
            return AdapterError.Of(AdapterErrorKind.Unavailable, "the cloud's circuit breaker is open after repeated failures");
        }
        catch (TimeoutRejectedException)
        {
            return AdapterError.Of(AdapterErrorKind.Timeout, $"no answer within {options.AttemptTimeout}");
        }
        catch (RateLimiterRejectedException)
        {
            return AdapterError.Of(AdapterErrorKind.Throttled, "too many calls to this cloud in flight");
        }
    }

    private (ResiliencePipeline, CircuitBreakerStateProvider) Build()
    {
        var breaker = new CircuitBreakerStateProvider();
        var failed = new PredicateBuilder()
            .Handle<TimeoutRejectedException>()
            .HandleResult(r => r is IAdapterResult { Error.Retryable: true });
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = options.MaxConcurrentCalls, QueueLimit = 1000 })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = failed,
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumCalls,
                SamplingDuration = options.BreakerSampling,
                BreakDuration = options.BreakerOpenFor,
                StateProvider = breaker,
            })
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = failed,
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
        return (pipeline, breaker);
    }
}
