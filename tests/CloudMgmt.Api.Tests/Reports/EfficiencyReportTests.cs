using System.Net;
using System.Net.Http.Headers;
using CloudMgmt.Api.Tests.Infrastructure;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Usage;
using CloudMgmt.Host.Reports;

namespace CloudMgmt.Api.Tests.Reports;

public sealed class EfficiencyReportTests : IDisposable
{
    private readonly ControllerFactory _factory = new();

    public EfficiencyReportTests()
    {
        _factory.Settings["Sandbox:RegisterDefaults"] = "true";
        _factory.Settings["Reconcile:InventoryInterval"] = "01:00:00";
        _factory.Settings["Reconcile:GrantInterval"] = "01:00:00";
    }

    public void Dispose() => _factory.Dispose();

    private static GrantUsageAverage Average(string id, string tenant, string pool, ResourceVector granted, ResourceVector used) =>
        new(id, tenant, pool, granted, used, 10);

    [Fact]
    public void Build_ByTenantPoolAndCloud_SumsMeansAndDividesPerResource()
    {
        var grants = new[]
        {
            ("x86", Average("a", "health", "hefei", ResourceVector.Of(8, 32), ResourceVector.Of(4, 8))),
            ("arm", Average("b", "health", "hefei", ResourceVector.Of(8, 0), ResourceVector.Of(2, 0))),
            ("x86", Average("c", "police", "wuhu", ResourceVector.Of(4, 4), ResourceVector.Of(4, 4))),
        };
        var reclaimed = new[] { new ReclaimRecord(DateTimeOffset.UnixEpoch, "d", "police", "wuhu", "arm", ResourceVector.Of(2, 8), "idle") };

        var byTenant = EfficiencyReport.Build(grants, reclaimed, ReportGrouping.Tenant);
        var byCloud = EfficiencyReport.Build(grants, reclaimed, ReportGrouping.Cloud);

        Assert.Equal(["health", "police"], byTenant.Select(r => r.Key));
        Assert.Equal(ResourceVector.Of(16, 32), byTenant[0].Granted);
        Assert.Equal(0.375, byTenant[0].Efficiency["vcpu"]);
        Assert.Equal(0.25, byTenant[0].Efficiency["memoryGiB"]);
        Assert.Equal(1.0, byTenant[1].Efficiency["vcpu"]);
        Assert.Equal(ResourceVector.Of(2, 8), byTenant[1].Reclaimed);
        Assert.Equal(["arm", "x86"], byCloud.Select(r => r.Key));
        Assert.Equal(ResourceVector.Of(2, 8), byCloud[0].Reclaimed);
        Assert.Equal(2, byCloud[1].Grants);
    }

    [Fact]
    public void ToCsv_OneLinePerGroupAndResource()
    {
        var rows = EfficiencyReport.Build([("x86", Average("a", "health", "p", ResourceVector.Of(8, 0), ResourceVector.Of(6, 0)))], [], ReportGrouping.Tenant);

        Assert.Equal("by,key,resource,granted,used,efficiency,reclaimed\ntenant,health,vcpu,8,6,0.75,0\n", EfficiencyReport.ToCsv(rows, ReportGrouping.Tenant));
    }

    [Fact]
    public async Task Report_AfterUsageIsObserved_ShowsTheTenantsEfficiencyAsJsonAndCsv_AndADepartmentSeesOnlyItsOwn()
    {
        var op = _factory.Operator();
        await ApiCalls.SeedAsync(op);
        await op.Post("/api/v1/tenants", new { id = "other", pool = "dept" }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 8, memoryGiB = 16 }, constraints = new { architecture = "x86_64" } }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/allocations", new { tenant = "other", resources = new { vcpu = 2 } }).Expect(HttpStatusCode.Created);
        for (var pass = 0; pass < 3; pass++)
            await op.PostAsync("/api/v1/reconcile", null).Expect(HttpStatusCode.OK); // the first makes the grants, the next ones observe them

        var report = await op.GetAsync("/api/v1/reports/efficiency?by=tenant").Expect(HttpStatusCode.OK);
        var health = report["rows"]!.AsArray().Single(r => r!.Str("key") == "health")!;
        Assert.Equal(8, health.Long("granted.vcpu"));
        var used = health.Long("used.vcpu");
        Assert.InRange(used, 1, 8);
        Assert.Equal(Math.Round(used / 8.0, 4), health["efficiency"]!["vcpu"]!.GetValue<double>());

        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports/efficiency?by=pool");
        csvRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var csv = await op.SendAsync(csvRequest);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("pool,dept,vcpu,10,", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var key = await op.Post("/api/v1/keys", new { role = "department", tenant = "other" }).Expect(HttpStatusCode.Created);
        var own = await _factory.WithToken(key.Str("token")).GetAsync("/api/v1/reports/efficiency?by=tenant").Expect(HttpStatusCode.OK);
        Assert.Equal(["other"], own["rows"]!.AsArray().Select(r => r!.Str("key")));
    }

    [Theory]
    [InlineData("?by=allocation", "by")]
    [InlineData("?from=2026-01-01T00:00:00Z&to=2026-01-03T00:00:00Z", "from")]
    [InlineData("?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "from")]
    [InlineData("?format=xml", "format")]
    public async Task Report_BadQuery_IsProblemNamingTheField(string query, string field)
    {
        var problem = await _factory.Operator().GetAsync("/api/v1/reports/efficiency" + query).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]![field]);
    }
}
