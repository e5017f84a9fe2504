using System.Net;
using CloudMgmt.Security.Tests.Infrastructure;

namespace CloudMgmt.Security.Tests.Monitoring;

/// <summary>
/// /metrics names every tenant and its amounts, so it takes a scrape credential: a metrics key
/// (which can do nothing else), or an unscoped viewer or operator key.
/// </summary>
public sealed class MetricsAccessProbes(ProbeTarget target) : IClassFixture<ProbeTarget>
{
    [Fact]
    public async Task Metrics_WithoutKey_Is401WithBearerChallenge()
    {
        HttpResponseMessage? answer = null;
        await target.RefusesAsync(HttpStatusCode.Unauthorized, async () => answer = await target.Anonymous.GetAsync("/metrics"));

        Assert.Equal("Bearer", Assert.Single(answer!.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Metrics_WithMetricsKey_AreServed()
    {
        using var scraper = target.Client(await target.IssueKeyAsync(new { role = "metrics", name = "prometheus" }));

        var page = await scraper.GetStringAsync("/metrics");

        Assert.Contains($"tenant=\"{SeededState.Tenant}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_WithViewerOrOperatorKey_AreServed()
    {
        Assert.Contains("cloudmgmt_", await target.Viewer.GetStringAsync("/metrics"), StringComparison.Ordinal);
        Assert.Contains("cloudmgmt_", await target.Operator.GetStringAsync("/metrics"), StringComparison.Ordinal);
    }

    [Fact]
    public Task Metrics_WithDepartmentKey_Is403() =>
        target.RefusesAsync(HttpStatusCode.Forbidden, () => target.Department.GetAsync("/metrics"));

    [Fact]
    public async Task Metrics_WithPoolScopedViewerKey_Is403()
    {
        using var scoped = target.Client(await target.IssueKeyAsync(new { role = "viewer", pool = SeededState.City, name = "hefei-auditor" }));

        await target.RefusesAsync(HttpStatusCode.Forbidden, () => scoped.GetAsync("/metrics"));
    }

    [Theory]
    [InlineData("GET", "/api/v1/pools", null)]
    [InlineData("GET", "/api/v1/pools/tree", null)]
    [InlineData("GET", "/api/v1/clouds", null)]
    [InlineData("POST", "/api/v1/keys", """{"role":"metrics","name":"another"}""")]
    [InlineData("POST", "/api/v1/allocations", """{"tenant":"health-commission","resources":{"vcpu":1}}""")]
    public async Task MetricsKey_OnTheApi_Is403(string method, string url, string? body)
    {
        using var scraper = target.Client(await target.IssueKeyAsync(new { role = "metrics", name = "prometheus-" + url.Length }));

        await target.RefusesAsync(HttpStatusCode.Forbidden, () => body is null
            ? scraper.Send(new HttpMethod(method), url)
            : scraper.SendJson(new HttpMethod(method), url, body));
    }

    [Fact]
    public Task MetricsKey_ScopedToAPool_IsRefused400() =>
        target.RefusesAsync(HttpStatusCode.BadRequest, () => target.Operator.Post("/api/v1/keys", new { role = "metrics", pool = SeededState.City }));
}

/// <summary>A controller that serves /metrics to anyone (Metrics:AllowAnonymous=true).</summary>
public sealed class AnonymousMetricsTarget : ProbeTarget
{
    protected override IEnumerable<string> Arguments => [.. base.Arguments, "--Metrics:AllowAnonymous", "true"];
}

public sealed class AnonymousMetricsProbes(AnonymousMetricsTarget target) : IClassFixture<AnonymousMetricsTarget>
{
    [Fact]
    public async Task Metrics_AllowAnonymous_ServedWithoutKey()
    {
        using var response = await target.Anonymous.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("cloudmgmt_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public Task Api_AllowAnonymousMetrics_StillNeedsAKey() =>
        target.RefusesAsync(HttpStatusCode.Unauthorized, () => target.Anonymous.GetAsync("/api/v1/pools"));
}
