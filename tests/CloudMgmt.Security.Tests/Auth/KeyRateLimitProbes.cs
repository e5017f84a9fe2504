using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CloudMgmt.Grains.Tests.Infrastructure;
using CloudMgmt.Security.Tests.Infrastructure;

namespace CloudMgmt.Security.Tests.Auth;

/// <summary>A controller whose viewer keys may send 20 requests at once, then 2 a second.</summary>
public sealed class SlowViewerTarget : ProbeTarget
{
    public const int Burst = 20;
    public const int PerSecond = 2;

    protected override IEnumerable<string> Arguments =>
        [.. base.Arguments, "--RateLimits:Viewer:Burst", $"{Burst}", "--RateLimits:Viewer:PerSecond", $"{PerSecond}"];
}

/// <summary>
/// A key over its role's bucket gets 429 problems with Retry-After, and works again once the bucket
/// refills; other keys (the operator's, a department's) go on meanwhile.
/// </summary>
public sealed class KeyRateLimitProbes(SlowViewerTarget target) : IClassFixture<SlowViewerTarget>
{
    [Fact]
    public async Task ViewerKey_OverItsBucket_429WithRetryAfter_OthersUnaffected_ThenRecovers()
    {
        var before = await target.FingerprintAsync();
        var watch = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, 3 * SlowViewerTarget.Burst).Select(async _ =>
        {
            using var response = await target.Viewer.GetAsync("/api/v1/pools");
            return (response.StatusCode, response.Headers.RetryAfter?.Delta, response.Content.Headers.ContentType?.MediaType,
                Body: await response.Content.ReadAsStringAsync());
        }));
        var seconds = watch.Elapsed.TotalSeconds;
        var department = await target.Department.GetAsync($"/api/v1/allocations/{target.TenantAllocation}");

        var served = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
        var limited = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(answers.Length, served + limited.Count);
        Assert.InRange(served, SlowViewerTarget.Burst, SlowViewerTarget.Burst + (int)Math.Ceiling(seconds * SlowViewerTarget.PerSecond) + 1);
        Assert.All(limited, a =>
        {
            Assert.Equal("application/problem+json", a.MediaType);
            Assert.Equal(429, JsonNode.Parse(a.Body)!["status"]!.GetValue<int>());
            Assert.Contains("rate limit", JsonNode.Parse(a.Body)!.Str("detail"), StringComparison.Ordinal);
            Assert.InRange(a.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
            target.Secrets.AssertAbsent(a.Body, "a 429's body");
        });
        Assert.Equal(HttpStatusCode.OK, department.StatusCode); // other keys go on
        StateFingerprint.AssertSame(before, await target.FingerprintAsync());

        await Task.Delay(limited[0].Delta!.Value); // what a client told to retry after that long does
        var again = await Eventually.WaitUntilAsync(async () => (await target.Viewer.GetAsync("/api/v1/pools")).StatusCode, s => s == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, again);
    }
}
