using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace CloudMgmt.Client.Http;

/// <summary>
/// Retries what the server refused without acting on it: 429 (rate limited) and 503 (starting, draining,
/// overloaded), after the Retry-After the server asked for, or a jittered backoff when it gave none; and a
/// request that never got an answer, when repeating it is safe (GET, or a create carrying its Idempotency-Key).
/// A Retry-After longer than <see cref="CloudMgmtClientOptions.MaxRetryAfter"/> is not waited for: the caller
/// gets the 429 as a <see cref="Problems.RateLimitedException"/> and decides.
/// </summary>
internal static class RetryPolicy
{
    public static ResiliencePipeline<HttpResponseMessage> Build(CloudMgmtClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                ShouldRetryAfterHeader = false, // DelayGenerator below reads it, and refuses waits above the cap
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage(), options)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r ? RetryAfter(r, options.TimeProvider) : null),
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    /// <summary>The wait the server asked for, as seconds or as a date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? Max(date - time.GetUtcNow(), TimeSpan.Zero) : null;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, CloudMgmtClientOptions options)
    {
        if (outcome.Result is { } response)
        {
            return response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
                && (RetryAfter(response, options.TimeProvider) ?? TimeSpan.Zero) <= options.MaxRetryAfter;
        }

        // No answer at all: only a request the server would not act on twice.
        return outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException
            && request is not null && (request.Method == HttpMethod.Get || request.Headers.Contains("Idempotency-Key"));
    }
}
