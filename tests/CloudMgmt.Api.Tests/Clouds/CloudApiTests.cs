using CloudMgmt.Adapters;
using CloudMgmt.Adapters.Sandbox;
using System.Net;
using CloudMgmt.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CloudMgmt.Api.Tests.Clouds;

public sealed class CloudApiTests : IDisposable
{
    private readonly ControllerFactory _factory = new();

    public CloudApiTests()
    {
        // Fast retries, so a failing cloud's breaker opens within the test; no scheduled runs in between.
        _factory.Settings["Resilience:RetryDelay"] = "00:00:00.010";
        _factory.Settings["Reconcile:InventoryInterval"] = "01:00:00";
        _factory.Settings["Reconcile:GrantInterval"] = "01:00:00";
        _factory.Settings["Sandbox:RegisterDefaults"] = "true";
        _factory.Settings["Resilience:BreakerOpenFor"] = "00:00:01";
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task EmbeddedDefault_RegistersTwoSandboxCloudsWithZonesAfterReconcile()
    {
        var op = _factory.Operator();

        var x86 = await op.PostAsync("/api/v1/clouds/province-x86/reconcile", null).Expect(HttpStatusCode.OK);
        var arm = await op.PostAsync("/api/v1/clouds/xinchuang-arm/reconcile", null).Expect(HttpStatusCode.OK);
        var list = await op.GetAsync("/api/v1/clouds").Expect(HttpStatusCode.OK);

        Assert.Equal(2, list.AsArray().Count);
        Assert.True(x86["health"]!["healthy"]!.GetValue<bool>());
        Assert.Equal(4096, x86.Long("capacity.vcpu"));
        Assert.Equal(["x86_64", "x86_64"], x86["zones"]!.AsArray().Select(z => z!.Str("architecture")));
        Assert.Equal("true", arm["labels"]!["xinchuang"]!.GetValue<string>());
        Assert.Equal("aarch64", arm["zones"]![0]!.Str("architecture"));
    }

    [Fact]
    public async Task Register_InvalidInput_Returns400NamingEachField()
    {
        var problem = await _factory.Operator().Post("/api/v1/clouds", new { id = "Bad Id", kind = "vmware" }).ExpectProblem(HttpStatusCode.BadRequest);

        var fields = problem["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("id", fields);
        Assert.Contains("kind", fields);
        Assert.Contains("region", fields);
    }

    [Fact]
    public async Task Register_DrainUndrainRemove_DrainedFollowsAndTheCloudGoes()
    {
        var op = _factory.Operator();
        await op.Post("/api/v1/clouds", new
        {
            id = "health-sector", kind = "sandbox", region = "anhui", labels = new { securityLevel = "2", sector = "health" },
        }).Expect(HttpStatusCode.Created);

        var drained = await op.PostAsync("/api/v1/clouds/health-sector/drain", null).Expect(HttpStatusCode.OK);
        var undrained = await op.PostAsync("/api/v1/clouds/health-sector/undrain", null).Expect(HttpStatusCode.OK);
        await op.DeleteAsync("/api/v1/clouds/health-sector").Expect(HttpStatusCode.NoContent);

        Assert.True(drained["drained"]!.GetValue<bool>());
        Assert.False(undrained["drained"]!.GetValue<bool>());
        await op.GetAsync("/api/v1/clouds/health-sector").ExpectProblem(HttpStatusCode.NotFound);
        await _factory.WithToken(null).GetAsync("/api/v1/clouds").ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Reconcile_CloudBackAfterOutage_BreakerClosesAndCloudIsHealthyAgain()
    {
        var op = _factory.Operator();
        await op.Post("/api/v1/clouds", new { id = "returning", kind = "sandbox", region = "anhui", settings = new { failureRate = "1" } })
            .Expect(HttpStatusCode.Created);
        var health = await op.PostAsync("/api/v1/clouds/returning/reconcile", null).Expect(HttpStatusCode.OK);
        for (var pass = 0; pass < 6 && !health["health"]!.Str("detail").Contains("circuit breaker is open", StringComparison.Ordinal); pass++)
        {
            health = await op.PostAsync("/api/v1/clouds/returning/reconcile", null).Expect(HttpStatusCode.OK);
        }

        Assert.Contains("circuit breaker is open", health["health"]!.Str("detail"), StringComparison.Ordinal);
        _factory.Services.GetServices<ICloudAdapterFactory>().OfType<SandboxAdapterFactory>().Single().CloudFor("returning")!.FailureRate = 0;

        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!health["health"]!["healthy"]!.GetValue<bool>() && watch.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200)); // the breaker stays open for Resilience:BreakerOpenFor of real time
            health = await op.PostAsync("/api/v1/clouds/returning/reconcile", null).Expect(HttpStatusCode.OK);
        }

        Assert.True(health["health"]!["healthy"]!.GetValue<bool>(), health.ToJsonString());
        Assert.Equal(4096, health.Long("capacity.vcpu"));
    }

    [Fact]
    public async Task Reconcile_CloudFailingEveryCall_UnhealthyThenBreakerOpen()
    {
        var op = _factory.Operator();
        await op.Post("/api/v1/clouds", new { id = "flaky", kind = "sandbox", region = "anhui", settings = new { failureRate = "1" } })
            .Expect(HttpStatusCode.Created);

        var first = await op.PostAsync("/api/v1/clouds/flaky/reconcile", null).Expect(HttpStatusCode.OK);
        var second = await op.PostAsync("/api/v1/clouds/flaky/reconcile", null).Expect(HttpStatusCode.OK);

        Assert.False(first["health"]!["healthy"]!.GetValue<bool>());
        Assert.Contains("injected outage", first["health"]!.Str("detail"), StringComparison.Ordinal);
        Assert.Contains("circuit breaker is open", second["health"]!.Str("detail"), StringComparison.Ordinal);
    }
}
