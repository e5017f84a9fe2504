using System.Net;
using CloudMgmt.Api.Tests.Infrastructure;

namespace CloudMgmt.Api.Tests.Monitoring;

/// <summary>/metrics shows what the API shows: cloud, pool and tenant figures in base units, admissions and adapter calls, and no stale series.</summary>
/// <remarks>
/// Prometheus' registry is one per process and other test classes' hosts use the same cloud, pool
/// and tenant ids, so these tests run alone, not beside them.
/// </remarks>
[Collection(MetricsCollection.Name)]
public sealed class MetricsTests : IDisposable
{
    private const double GiB = 1024d * 1024 * 1024;
    private readonly ControllerFactory _factory = new();

    public MetricsTests()
    {
        _factory.Settings["Sandbox:RegisterDefaults"] = "true";
        _factory.Settings["Reconcile:InventoryInterval"] = "01:00:00";
        _factory.Settings["Reconcile:GrantInterval"] = "01:00:00";
        _factory.Settings["Metrics:RefreshEvery"] = "00:00:00";
    }

    public void Dispose() => _factory.Dispose();

    private async Task<Scrape> ScrapeAsync() => new(await _factory.Operator().GetStringAsync("/metrics"));

    [Fact]
    public async Task Metrics_AfterAGrant_ShowCloudPoolAndTenantFiguresAsTheApiDoes()
    {
        var op = _factory.Operator();
        await ApiCalls.SeedAsync(op, vcpu: 64, memoryGiB: 256);
        var admittedBefore = (await ScrapeAsync()).Value("cloudmgmt_admissions_total", ("outcome", "admitted")) ?? 0;
        var rejectedBefore = (await ScrapeAsync()).Value("cloudmgmt_admissions_total", ("outcome", "rejected")) ?? 0;
        var placementsBefore = (await ScrapeAsync()).Value("cloudmgmt_placement_duration_seconds_count") ?? 0;
        var request = new { tenant = "health", resources = new { vcpu = 8, memoryGiB = 16 }, constraints = new { architecture = "x86_64" } };
        var allocation = await op.PostWithKey("/api/v1/allocations", request, "metrics-1").Expect(HttpStatusCode.Created);
        await op.PostWithKey("/api/v1/allocations", request, "metrics-1").Expect(HttpStatusCode.Created); // a retry: counted once
        await op.Post("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 1000 } }).ExpectProblem(HttpStatusCode.Conflict);
        await op.PostAsync("/api/v1/reconcile", null).Expect(HttpStatusCode.OK);
        await op.PostAsync("/api/v1/reconcile", null).Expect(HttpStatusCode.OK); // the second pass's inventory sees the grant the first made
        var cloud = await op.GetAsync("/api/v1/clouds/province-x86").Expect(HttpStatusCode.OK);

        var scrape = await ScrapeAsync();

        Assert.Equal(cloud.Long("capacity.vcpu"), scrape.Value("cloudmgmt_cloud_capacity", ("cloud", "province-x86"), ("kind", "sandbox"), ("resource", "vcpu"), ("unit", "core")));
        Assert.Equal(cloud.Long("capacity.memoryGiB") * GiB, scrape.Value("cloudmgmt_cloud_capacity", ("cloud", "province-x86"), ("resource", "memory"), ("unit", "byte")));
        Assert.Equal(cloud.Long("granted.vcpu"), scrape.Value("cloudmgmt_cloud_granted", ("cloud", "province-x86"), ("resource", "vcpu")));
        Assert.Equal(1, scrape.Value("cloudmgmt_cloud_healthy", ("cloud", "province-x86")));
        Assert.True(0 == scrape.Value("cloudmgmt_cloud_breaker_state", ("cloud", "province-x86")), string.Join('\n', scrape.Text.Split('\n').Where(l => l.Contains("breaker", StringComparison.Ordinal))));
        Assert.Equal(8, scrape.Value("cloudmgmt_pool_reserved", ("pool", "dept"), ("resource", "vcpu")));
        Assert.Equal(64, scrape.Value("cloudmgmt_pool_quota", ("pool", "dept"), ("resource", "vcpu")));
        Assert.Equal(1, scrape.Value("cloudmgmt_tenant_info", ("tenant", "health"), ("pool", "dept")));
        var granted = scrape.Value("cloudmgmt_tenant_granted", ("tenant", "health"), ("cloud", "province-x86"), ("resource", "vcpu"));
        var used = scrape.Value("cloudmgmt_tenant_used", ("tenant", "health"), ("cloud", "province-x86"), ("resource", "vcpu"));
        Assert.Equal(8, granted);
        Assert.Equal(used / granted, scrape.Value("cloudmgmt_tenant_usage_efficiency_ratio", ("tenant", "health"), ("cloud", "province-x86"), ("resource", "vcpu")));
        Assert.Equal(16 * GiB, scrape.Value("cloudmgmt_tenant_granted", ("tenant", "health"), ("cloud", "province-x86"), ("resource", "memory"), ("unit", "byte")));
        Assert.Equal(admittedBefore + 1, scrape.Value("cloudmgmt_admissions_total", ("outcome", "admitted")));
        Assert.Equal(rejectedBefore + 1, scrape.Value("cloudmgmt_admissions_total", ("outcome", "rejected")));
        // Where a request would go is decided before its quota is charged (an unplaceable one is refused
        // with nothing charged), so both new requests were decided, the over-quota one too; the retry was not
        Assert.Equal(placementsBefore + 2, scrape.Value("cloudmgmt_placement_duration_seconds_count"));
        Assert.True(scrape.Value("cloudmgmt_adapter_calls_total", ("cloud", "province-x86"), ("operation", "apply_grant"), ("outcome", "ok")) >= 1);
        Assert.True(scrape.Value("cloudmgmt_reconcile_last_success_timestamp_seconds", ("pass", "manual")) > 0);
        Assert.DoesNotContain(allocation.Str("id"), scrape.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AskedForGzip_AreCompressed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.AcceptEncoding.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("gzip"));

        using var response = await _factory.Operator().SendAsync(request);
        await using var body = new System.IO.Compression.GZipStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        var text = await new StreamReader(body).ReadToEndAsync();

        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("cloudmgmt_cloud_capacity", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AfterRelease_TheTenantsSeriesAreGone()
    {
        var op = _factory.Operator();
        await ApiCalls.SeedAsync(op);
        await op.Post("/api/v1/tenants", new { id = "metrics-only", pool = "dept" }).Expect(HttpStatusCode.Created);
        var allocation = await op.Post("/api/v1/allocations", new { tenant = "metrics-only", resources = new { vcpu = 4 } }).Expect(HttpStatusCode.Created);
        await op.PostAsync("/api/v1/reconcile", null).Expect(HttpStatusCode.OK);
        await op.PostAsync("/api/v1/reconcile", null).Expect(HttpStatusCode.OK);
        Assert.Contains((await ScrapeAsync()).Samples("cloudmgmt_tenant_granted"), s => s.Labels["tenant"] == "metrics-only");

        await op.DeleteAsync($"/api/v1/allocations/{allocation.Str("id")}").Expect(HttpStatusCode.OK);
        await op.PostAsync("/api/v1/reconcile", null).Expect(HttpStatusCode.OK);
        await op.PostAsync("/api/v1/reconcile", null).Expect(HttpStatusCode.OK);

        Assert.DoesNotContain((await ScrapeAsync()).Samples("cloudmgmt_tenant_granted"), s => s.Labels["tenant"] == "metrics-only");
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics (alone)";
}
