using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CloudMgmt.Grains.Tests.Infrastructure;
using CloudMgmt.Security.Tests.Infrastructure;

namespace CloudMgmt.Security.Tests.Auth;

/// <summary>
/// 1,000 wrong tokens in a burst, as a guesser sends them: after the address's allowance of failures
/// (100 by default) the rest are 429 problems with Retry-After, a valid key from the same address
/// still works, nothing changes, and the log has a line or two about it with no token in it.
/// Alone in its class: the burst spends its address's allowance for the rest of the minute.
/// </summary>
public sealed class WrongTokenBurstProbes(ProbeTarget target) : IClassFixture<ProbeTarget>
{
    private const string From = "127.0.0.2";
    private const int Burst = 1000;

    [Fact]
    public async Task WrongTokens_ABurstOfAThousand_429AfterTheAllowance_ValidKeyUnaffected_NoTokenLogged()
    {
        var wrong = Enumerable.Range(0, Burst).Select(_ => "cmk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).ToList();
        var viewerToken = await target.IssueKeyAsync(new { role = "viewer", name = "burst-neighbour" });
        using var viewer = target.Client(viewerToken, From);
        using var guesser = target.Client(null, From);
        var before = await target.FingerprintAsync();
        var answers = new ConcurrentBag<(HttpStatusCode Status, string? RetryAfter, string? Type, JsonNode? Problem)>();
        var watch = Stopwatch.StartNew();

        await Parallel.ForEachAsync(wrong, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (token, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/pools");
            request.Headers.Authorization = new("Bearer", token);
            using var response = await guesser.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            answers.Add((response.StatusCode, response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                response.Content.Headers.ContentType?.MediaType, body.Length > 0 ? JsonNode.Parse(body) : null));
        });
        var seconds = watch.Elapsed.TotalSeconds;
        var neighbour = await viewer.GetAsync("/api/v1/pools");

        var refused = answers.Count(a => a.Status == HttpStatusCode.Unauthorized);
        var limited = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(Burst, refused + limited.Count); // nothing else: no 200, no 500
        Assert.InRange(refused, 100, 100 + (int)Math.Ceiling(seconds) + 1); // the allowance, plus the refill of 60 a minute while the burst ran
        Assert.All(limited, a =>
        {
            Assert.Equal("application/problem+json", a.Type);
            Assert.Equal(429, a.Problem!["status"]!.GetValue<int>());
            Assert.True(double.Parse(a.RetryAfter!, System.Globalization.CultureInfo.InvariantCulture) >= 1, "Retry-After in whole seconds, at least 1");
        });
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode); // a valid key is never held back by its address's failures
        StateFingerprint.AssertSame(before, await target.FingerprintAsync());

        var log = await Eventually.WaitUntilAsync(() => Task.FromResult(target.Controller.Log),
            l => l.Contains($"Authentication failed from {From}", StringComparison.Ordinal));
        foreach (var token in wrong)
        {
            Assert.DoesNotContain(token, log, StringComparison.Ordinal);
        }

        target.Secrets.AssertAbsent(log, "the controller's log");
        var lines = log.Split('\n').Count(l => l.Contains($"Authentication failed from {From}", StringComparison.Ordinal));
        Assert.InRange(lines, 1, 2); // one a minute per address: a flood cannot fill the disk
    }
}
