using CloudMgmt.Adapters;
using CloudMgmt.Reconciliation.Clouds;
using Microsoft.Extensions.Time.Testing;

namespace CloudMgmt.Faults.Tests.Resilience;

/// <summary>A cloud that answers 429 with Retry-After is not called again before that time (issue 22), on a fake clock.</summary>
public sealed class RetryAfterTests
{
    private static readonly AdapterError Throttled = AdapterError.Of(AdapterErrorKind.Throttled, "429 Too Many Requests", TimeSpan.FromSeconds(2));

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-12-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task CallAsync_429WithRetryAfter2s_RetriesNotBeforeTwoSeconds()
    {
        var resilience = new CloudResilience(new CloudResilienceOptions(), _clock);
        var adapter = new ScriptedAdapter(_clock, Throttled);

        var call = resilience.CallAsync("c1", adapter.CheckHealthAsync, CancellationToken.None);
        await WaitForCallsAsync(adapter, 1);
        _clock.Advance(TimeSpan.FromMilliseconds(1999));
        await Task.Delay(TimeSpan.FromMilliseconds(100)); // real time for a retry that must not come: nothing may have run
        Assert.Single(adapter.Calls);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var result = await call;

        Assert.True(result.Succeeded);
        Assert.Equal(2, adapter.Calls.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), adapter.Calls[1] - adapter.Calls[0]);
    }

    [Fact]
    public async Task CallAsync_AnotherCallAfterA429_WaitsForTheSameRetryAfter()
    {
        var resilience = new CloudResilience(new CloudResilienceOptions { MaxRetries = 0 }, _clock);
        var adapter = new ScriptedAdapter(_clock, Throttled);
        Assert.False((await resilience.CallAsync("c1", adapter.CheckHealthAsync, CancellationToken.None)).Succeeded);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var next = resilience.CallAsync("c1", adapter.CheckHealthAsync, CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(100)); // real time for a call that must not come yet
        Assert.Single(adapter.Calls);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await next).Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(2), adapter.Calls[1] - adapter.Calls[0]);
    }

    [Fact]
    public async Task CallAsync_RetryAfterOfAnHour_IsCutToMaxRetryAfter()
    {
        var resilience = new CloudResilience(new CloudResilienceOptions { MaxRetryAfter = TimeSpan.FromSeconds(5) }, _clock);
        var adapter = new ScriptedAdapter(_clock, AdapterError.Of(AdapterErrorKind.Throttled, "429", TimeSpan.FromHours(1)));

        var call = resilience.CallAsync("c1", adapter.CheckHealthAsync, CancellationToken.None);
        await WaitForCallsAsync(adapter, 1);
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.True((await call).Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(5), adapter.Calls[1] - adapter.Calls[0]);
    }

    [Fact]
    public async Task Evict_ABreakerOpenedByFailures_StartsTheCloudAfresh()
    {
        var options = new CloudResilienceOptions { MaxRetries = 0, BreakerMinimumCalls = 2, BreakerFailureRatio = 0.5 };
        var resilience = new CloudResilience(options, _clock);
        var down = AdapterError.Of(AdapterErrorKind.Unavailable, "down");
        var adapter = new ScriptedAdapter(_clock, down, down); // the breaker opens after these two, and keeps the third call off the cloud
        for (var i = 0; i < 3; i++)
        {
            await resilience.CallAsync("c1", adapter.CheckHealthAsync, CancellationToken.None);
        }

        Assert.True(resilience.IsOpen("c1"));
        Assert.Equal(2, adapter.Calls.Count);
        resilience.Evict("c1");

        Assert.False(resilience.IsOpen("c1"));
        var after = await resilience.CallAsync("c1", adapter.CheckHealthAsync, CancellationToken.None);
        Assert.True(after.Succeeded, after.Error?.ToString());
    }

    private static async Task WaitForCallsAsync(ScriptedAdapter adapter, int count)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (adapter.Calls.Count < count && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10)); // the call runs on the thread pool; bounded
        }
    }
}
