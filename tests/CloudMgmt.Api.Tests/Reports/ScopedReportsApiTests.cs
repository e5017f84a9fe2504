using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CloudMgmt.Api.Tests.Elastic;
using CloudMgmt.Api.Tests.Infrastructure;

namespace CloudMgmt.Api.Tests.Reports;

/// <summary>
/// Every report confined to the caller's part of the tree, on metered usage: province > city > dept
/// (tenants health 8 vCPU and archive 2 vCPU) and province > wuhu (tenant education 4 vCPU), two
/// hours of samples. A key scoped to city sees health and archive and their sums, one scoped to wuhu
/// education, a department its own; whatever the grouping, figures from outside never add in.
/// </summary>
public sealed class ScopedReportsApiTests : IAsyncLifetime
{
    private const string Window = "from=2026-11-28T08:00:00Z&to=2026-11-28T10:00:00Z";
    private readonly ElasticHarness _h = new();
    private Dictionary<string, HttpClient> _as = [];

    public async Task InitializeAsync()
    {
        await _h.StartAsync();
        await _h.Op.Post("/api/v1/pools", new { id = "wuhu", parent = "province", quota = new { vcpu = 50, memoryGiB = 100 } }).Expect(HttpStatusCode.Created);
        await _h.Op.Post("/api/v1/tenants", new { id = "education", pool = "wuhu" }).Expect(HttpStatusCode.Created);
        await _h.ReadyAllocationAsync(8, 16, 0.5);
        await _h.ReadyAllocationAsync(2, 4, 0.5, tenant: "archive");
        await _h.ReadyAllocationAsync(4, 8, 0.5, tenant: "education");
        await _h.MinutesAsync(120, step: 10, runPass: false); // 08:00 to 10:00: two closed hours
        _as = await ApiCalls.CallersAsync(_h.Op, Client,
            ("viewer", new { role = "viewer" }), ("operator@city", new { role = "operator", pool = "city" }),
            ("viewer@wuhu", new { role = "viewer", pool = "wuhu" }), ("department@health", new { role = "department", tenant = "health" }));
    }

    private HttpClient Client(string token)
    {
        var client = _h.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task DisposeAsync()
    {
        _h.Dispose();
        return Task.CompletedTask;
    }

    private static List<string> Keys(JsonNode report) => report["rows"]!.AsArray().Select(r => r!.Str("key")).Order(StringComparer.Ordinal).ToList();

    [Theory]
    [InlineData("viewer", "archive,education,health")]
    [InlineData("operator@city", "archive,health")]
    [InlineData("viewer@wuhu", "education")]
    [InlineData("department@health", "health")]
    public async Task Efficiency_EachCaller_SeesItsTenantsAndOnlyTheirSums(string caller, string tenants)
    {
        var byTenant = await _as[caller].GetAsync($"/api/v1/reports/efficiency?{Window}&by=tenant").Expect(HttpStatusCode.OK);
        Assert.Equal(tenants, string.Join(",", Keys(byTenant)));

        foreach (var step in new[] { "whole", "hour", "day" })
        {
            // What the province's report gives the caller's tenants is all the caller's sums may hold.
            var all = await _h.Op.GetAsync($"/api/v1/reports/efficiency?{Window}&by=tenant&step={step}").Expect(HttpStatusCode.OK);
            var expected = all["rows"]!.AsArray().Where(r => tenants.Split(',').Contains(r!.Str("key"))).Sum(VcpuHours);
            Assert.True(expected > 0, $"nothing metered for {tenants} at step {step}");

            // Grouped by cloud or resource, the rows mix tenants: only the caller's grants may be in the sums.
            foreach (var by in new[] { "cloud", "resource" })
            {
                var mixed = await _as[caller].GetAsync($"/api/v1/reports/efficiency?{Window}&by={by}&step={step}").Expect(HttpStatusCode.OK);
                var unitHours = mixed["rows"]!.AsArray().Sum(VcpuHours);
                Assert.True(expected == unitHours, $"{caller}, by {by}, step {step}: {unitHours} vCPU-hours granted, expected {expected}");
            }
        }
    }

    private static decimal VcpuHours(JsonNode? row) => row!["grantedUnitHours"]!["vcpu"]?.GetValue<decimal>() ?? 0;

    [Theory]
    [InlineData("viewer", "archive,education,health")]
    [InlineData("operator@city", "archive,health")]
    [InlineData("viewer@wuhu", "education")]
    [InlineData("department@health", "health")]
    public async Task StatementAndSupervision_EachCaller_SeesItsDepartmentsAndTheirTotal(string caller, string tenants)
    {
        var statement = await _as[caller].GetAsync("/api/v1/reports/statement?month=2026-11").Expect(HttpStatusCode.OK);
        var departments = statement["departments"]!.AsArray().Select(d => d!).ToList();
        Assert.Equal(tenants, string.Join(",", departments.Select(d => d.Str("tenant")).Order(StringComparer.Ordinal)));
        Assert.Equal(departments.Sum(d => d["total"]!.GetValue<decimal>()), statement["total"]!.GetValue<decimal>());

        var supervision = await _as[caller].GetAsync("/api/v1/reports/supervision?month=2026-11").Expect(HttpStatusCode.OK);
        Assert.Equal(tenants, string.Join(",", supervision["departments"]!.AsArray().Select(d => d!.Str("tenant")).Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("viewer", "city,dept,province,wuhu")]
    [InlineData("operator@city", "city,dept")]
    [InlineData("viewer@wuhu", "wuhu")]
    public async Task PerPoolReports_EachCaller_SeesThePoolsOfItsPart(string caller, string pools)
    {
        var statement = await _as[caller].GetAsync("/api/v1/reports/statement?month=2026-11&by=pool").Expect(HttpStatusCode.OK);
        Assert.Equal(pools, string.Join(",", statement["pools"]!.AsArray().Select(p => p!.Str("pool")).Order(StringComparer.Ordinal)));

        var budgets = await _as[caller].GetAsync("/api/v1/reports/budgets?month=2026-11").Expect(HttpStatusCode.OK);
        Assert.NotEmpty(budgets.AsArray());
        Assert.All(budgets.AsArray(), b => Assert.Contains(b!.Str("pool"), pools.Split(',')));
    }

    [Fact]
    public async Task PerPoolReports_Department_IsRefused()
    {
        await _as["department@health"].GetAsync("/api/v1/reports/statement?month=2026-11&by=pool").ExpectProblem(HttpStatusCode.Forbidden);
        await _as["department@health"].GetAsync("/api/v1/reports/budgets?month=2026-11").ExpectProblem(HttpStatusCode.Forbidden);
    }
}
