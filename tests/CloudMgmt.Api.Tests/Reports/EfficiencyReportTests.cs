using System.Net;
using System.Net.Http.Headers;
using CloudMgmt.Api.Tests.Elastic;
using CloudMgmt.Api.Tests.Infrastructure;

namespace CloudMgmt.Api.Tests.Reports;

/// <summary>
/// The efficiency report from the stored figures, on the real controller with a fake clock: two
/// hours of reconcile passes a minute apart (each a usage sample), then reports over them.
/// </summary>
public sealed class EfficiencyReportTests : IAsyncLifetime
{
    private readonly ElasticHarness _h = new() { ElasticInterval = "01:00:00" };
    private string _health = "";

    public async Task InitializeAsync()
    {
        await _h.StartAsync();
        _health = await _h.ReadyAllocationAsync(8, 16, 0.5);
        await _h.ReadyAllocationAsync(2, 4, 1.0, tenant: "archive");
        await _h.MinutesAsync(121, runPass: false); // 08:00 to 10:01: the hours 08:00 and 09:00 are closed
    }

    public Task DisposeAsync()
    {
        _h.Dispose();
        return Task.CompletedTask;
    }

    private static string Window(int fromHour, int toHour) =>
        $"from=2026-11-28T{fromHour:D2}:00:00Z&to=2026-11-28T{toHour:D2}:00:00Z";

    [Fact]
    public async Task Report_ClosedHourByTenant_GivesMeansUnitHoursAndEfficiencyFromTheStoredHour()
    {
        var report = await _h.Op.GetAsync("/api/v1/reports/efficiency?by=tenant&" + Window(9, 10)).Expect(HttpStatusCode.OK);

        var rows = report["rows"]!.AsArray();
        Assert.Equal(["archive", "health"], rows.Select(r => r!.Str("key")));
        var health = rows[1]!;
        Assert.Equal((8, 4, 1), (health.Long("granted.vcpu"), health.Long("used.vcpu"), health.Long("grants")));
        Assert.Equal(0.5, health["efficiency"]!["vcpu"]!.GetValue<double>());
        Assert.Equal(8m, health["grantedUnitHours"]!["vcpu"]!.GetValue<decimal>());
        Assert.Equal(1.0, rows[0]!["efficiency"]!["vcpu"]!.GetValue<double>());
    }

    [Fact]
    public async Task Report_StepHourByResource_GivesOneRowPerHourAndResource()
    {
        var report = await _h.Op.GetAsync("/api/v1/reports/efficiency?by=resource&step=hour&" + Window(9, 11)).Expect(HttpStatusCode.OK);

        var rows = report["rows"]!.AsArray();
        Assert.Equal("hour", report.Str("step"));
        Assert.Equal(["2026-11-28T09:00:00+00:00 memoryGiB", "2026-11-28T09:00:00+00:00 vcpu"], // 10:00 is not closed yet
            rows.Select(r => $"{r!["from"]!.GetValue<DateTimeOffset>():yyyy-MM-ddTHH:mm:sszzz} {r.Str("key")}"));
        Assert.Equal(10, rows[1]!.Long("granted.vcpu"));
    }

    [Fact]
    public async Task Report_AsCsv_OneLinePerKeyAndResource()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports/efficiency?by=pool&" + Window(9, 10));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        using var response = await _h.Op.SendAsync(request);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("from,to,by,key,resource,granted,used,efficiency,reclaimed,granted_unit_hours,used_unit_hours", lines[0]);
        Assert.Contains("2026-11-28T09:00:00Z,2026-11-28T10:00:00Z,pool,dept,vcpu,10,6,0.6,0,10,6", lines);
    }

    [Fact]
    public async Task Report_DepartmentKey_SeesItsOwnTenantOnly()
    {
        var key = await _h.Op.Post("/api/v1/keys", new { role = "department", tenant = "health" }).Expect(HttpStatusCode.Created);
        using var department = _h.CreateClient();
        department.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Str("token"));

        var byPool = await department.GetAsync("/api/v1/reports/efficiency?by=pool&" + Window(9, 10)).Expect(HttpStatusCode.OK);
        var byTenant = await department.GetAsync("/api/v1/reports/efficiency?by=tenant&" + Window(8, 10)).Expect(HttpStatusCode.OK);

        Assert.Equal(8, byPool["rows"]![0]!.Long("granted.vcpu")); // the pool's row holds the department's grants only
        Assert.Equal(["health"], byTenant["rows"]!.AsArray().Select(r => r!.Str("key")));
    }

    [Theory]
    [InlineData("?by=allocation", "by")]
    [InlineData("?step=week", "step")]
    [InlineData("?from=2026-11-28T10:00:00Z&to=2026-11-28T09:00:00Z", "from")]
    [InlineData("?from=2026-01-01T00:00:00Z&to=2026-01-02T05:00:00Z", "from")] // hourly figures are kept 90 days
    [InlineData("?step=hour&from=2026-10-01T00:00:00Z&to=2026-11-28T00:00:00Z", "to")] // at most 31 days of hours
    [InlineData("?format=xml", "format")]
    public async Task Report_BadQuery_IsProblemNamingTheField(string query, string field)
    {
        var problem = await _h.Op.GetAsync("/api/v1/reports/efficiency" + query).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]![field]);
    }
}
