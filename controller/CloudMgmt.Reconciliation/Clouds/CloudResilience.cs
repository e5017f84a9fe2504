using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;
using CloudMgmt.Adapters;
using CloudMgmt.Reconciliation.Monitoring;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;

namespace CloudMgmt.Reconciliation.Clouds;

/// <summary>
/// One Polly pipeline per cloud, kept in Polly's <see cref="ResiliencePipelineRegistry{TKey}"/>: rate
/// limit (concurrency), circuit breaker, retry of retryable failures with jitter, and a timeout per
/// attempt. The breaker sits outside the retry, so it counts calls that failed after their retries: a
/// cloud failing half its attempts still works (and is not cut off), one failing them all is. The
/// breaker's state tells whether the cloud is healthy. A cloud that says when to come back
/// (<c>Retry-After</c>, <see cref="AdapterError.RetryAfter"/>) is not called before then: the retry
/// waits that long, and so does every other call to it (<see cref="CloudGate"/>).
/// </summary>
internal sealed class CloudResilience(CloudResilienceOptions options, TimeProvider time, ResiliencePipelineRegistry<string> registry)
{
    private readonly ConcurrentDictionary<string, CloudGate> _gates = new(StringComparer.Ordinal);

    public CloudResilience(CloudResilienceOptions options, TimeProvider time)
        : this(options, time, new ResiliencePipelineRegistry<string>())
    {
    }

    public bool IsOpen(string cloudId) =>
        _gates.TryGetValue(cloudId, out var c) && c.Breaker.CircuitState is CircuitState.Open or CircuitState.Isolated;

    /// <summary>The breaker as Prometheus shows it: 0 closed, 1 half-open, 2 open (isolated counts as open).</summary>
    public int BreakerState(string cloudId) => !_gates.TryGetValue(cloudId, out var c) ? 0 : c.Breaker.CircuitState switch
    {
        CircuitState.HalfOpen => 1,
        CircuitState.Open or CircuitState.Isolated => 2,
        _ => 0,
    };

    /// <summary>
    /// Forgets the cloud's pipeline (its breaker, limiter and Retry-After) when the cloud changes or
    /// leaves. Polly's registry has no removal: the pipeline is reloaded, which disposes the old one
    /// once its calls are done and leaves an empty one under the id until the cloud is used again.
    /// </summary>
    public void Evict(string cloudId)
    {
        if (_gates.TryRemove(cloudId, out var gate))
        {
            gate.Reload.Cancel();
        }
    }

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
        var pipeline = registry.GetOrAddPipeline(cloudId, Build);
        var gate = _gates.GetOrAdd(cloudId, _ => new CloudGate());
        try
        {
            await gate.WaitAsync(time, cancellationToken);
            return await pipeline.ExecuteAsync(async ct =>
            {
                var result = await call(ct);
                gate.Heed(result.Error?.RetryAfter, options.MaxRetryAfter, time);
                return result;
            }, cancellationToken);
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

    private void Build(ResiliencePipelineBuilder builder, ConfigureBuilderContext<string> context)
    {
        var gate = _gates.GetOrAdd(context.PipelineKey, _ => new CloudGate());
        context.AddReloadToken(gate.Reload.Token);
        var failed = new PredicateBuilder()
            .Handle<TimeoutRejectedException>()
            .HandleResult(r => r is IAdapterResult { Error.Retryable: true });
        builder.TimeProvider = time;
        builder
            .AddConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = options.MaxConcurrentCalls, QueueLimit = 1000 })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = failed,
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumCalls,
                SamplingDuration = options.BreakerSampling,
                BreakDuration = options.BreakerOpenFor,
                StateProvider = gate.Breaker,
            });
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = failed,
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.MaxRetryAfter)),
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
    }

    /// <summary>The cloud's own Retry-After (capped), which replaces the jittered back-off; null leaves the back-off.</summary>
    internal static TimeSpan? RetryAfter(object? result, TimeSpan cap) =>
        result is IAdapterResult { Error.RetryAfter: { } after } ? (after > cap ? cap : after) : null;
}

/// <summary>
/// What one cloud's pipeline keeps besides Polly's strategies: its breaker's state, the token that
/// reloads (evicts) it, and the moment before which the cloud asked not to be called.
/// </summary>
internal sealed class CloudGate
{
    private long _notBeforeTicks;

    public CircuitBreakerStateProvider Breaker { get; } = new();

    public CancellationTokenSource Reload { get; } = new();

    /// <summary>Remembers the cloud's Retry-After: no call to it starts before then.</summary>
    public void Heed(TimeSpan? retryAfter, TimeSpan cap, TimeProvider time)
    {
        if (retryAfter is not { } after || after <= TimeSpan.Zero)
        {
            return;
        }

        var until = (time.GetUtcNow() + (after > cap ? cap : after)).UtcTicks;
        long seen;
        while ((seen = Interlocked.Read(ref _notBeforeTicks)) < until && Interlocked.CompareExchange(ref _notBeforeTicks, until, seen) != seen)
        {
            // another call moved it meanwhile: compare again
        }
    }

    public async Task WaitAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var wait = new DateTimeOffset(Interlocked.Read(ref _notBeforeTicks), TimeSpan.Zero) - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
