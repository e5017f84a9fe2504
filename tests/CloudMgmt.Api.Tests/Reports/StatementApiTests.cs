using System.Net;
using System.Net.Http.Headers;
using CloudMgmt.Api.Tests.Elastic;
using CloudMgmt.Metering.Budgets;
using CloudMgmt.Testing.Metering;
using Microsoft.Extensions.DependencyInjection;

namespace CloudMgmt.Api.Tests.Reports;

/// <summary>
/// Statements and budgets from metered usage, on the real controller with a fake clock: eight hours
/// of passes ten minutes apart across the province's midnight of 15/16 November, when the vCPU price
/// changes. The expected amounts are worked out here from the grants' sizes and times alone.
/// </summary>
public sealed class StatementApiTests : IAsyncLifetime
{
    private static readonly string Catalogue = TestCatalogue.Yaml("test-prices", "dept: {monthly: \"20.00\"}");

    /// <summary>20:00 on 15 November in Beijing; the price changes at 16:00 UTC, four hours later.</summary>
    private static readonly DateTimeOffset Start = new(2026, 11, 15, 12, 0, 0, TimeSpan.Zero);

    private readonly ElasticHarness _h = new()
    {
        Clock = new ManualClock(Start),
        DataFile = { ["catalogue.yaml"] = Catalogue },
        Settings = { ["Metering:CatalogueFile"] = "{dir}/catalogue.yaml", ["Metering:MaxStep"] = "00:15:00" },
    };

    public async Task InitializeAsync()
    {
        await _h.StartAsync();
        await _h.ReadyAllocationAsync(8, 16, 0.5);
        await _h.ReadyAllocationAsync(2, 4, 1.0, tenant: "archive");
        await _h.Op.PostAsync($"/api/v1/clouds/{ElasticHarness.CloudId}/reconcile", null); // the first samples of both grants, at 12:00
        await _h.MinutesAsync(480, step: 10, runPass: false); // to 20:00: the hours 12:00 to 19:00 are closed
    }

    public Task DisposeAsync()
    {
        _h.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>An amount worked out by hand: units × hours × price, rounded half away from zero to the fen.</summary>
    private static decimal Expected(long units, int hours, decimal price) => Math.Round(units * hours * price, 2, MidpointRounding.AwayFromZero);

    [Fact]
    public async Task Statement_PriceChangeAtMidnight_SplitsTheLinesAndTheTotalsAddUpToTheFen()
    {
        var s = await _h.Op.GetAsync("/api/v1/reports/statement?month=2026-11").Expect(HttpStatusCode.OK);

        var departments = s["departments"]!.AsArray();
        Assert.Equal(["archive", "health"], departments.Select(d => d!.Str("tenant")));
        var health = departments[1]!["lines"]!.AsArray();
        Assert.Equal(["MEM 2026-11-01", "VCPU-X86 2026-11-01", "VCPU-X86 2026-11-16"], health.Select(l => $"{l!.Str("code")} {l!.Str("from")}"));
        Assert.Equal([Expected(16, 8, 0.012m), Expected(8, 4, 0.09m), Expected(8, 4, 0.085m)], health.Select(l => l!["amount"]!.GetValue<decimal>()));
        Assert.Equal([64m, 16m, 16m], health.Select(l => l!["usedQuantity"]!.GetValue<decimal>())); // half of 16 GiB for 8 h; half of 8 vCPU for 4 h each
        Assert.Equal("2026-11-15", health[1]!.Str("to"));
        var expectedHealth = Expected(16, 8, 0.012m) + Expected(8, 4, 0.09m) + Expected(8, 4, 0.085m);
        var expectedArchive = Expected(4, 8, 0.012m) + Expected(2, 4, 0.09m) + Expected(2, 4, 0.085m);
        Assert.Equal((expectedArchive, expectedHealth), (departments[0]!["total"]!.GetValue<decimal>(), departments[1]!["total"]!.GetValue<decimal>()));
        Assert.Equal(expectedArchive + expectedHealth, s["total"]!.GetValue<decimal>());

        var byPool = await _h.Op.GetAsync("/api/v1/reports/statement?month=2026-11&by=pool").Expect(HttpStatusCode.OK);
        var pools = byPool["pools"]!.AsArray().ToDictionary(p => p!.Str("pool"), p => p!);
        Assert.Equal(expectedArchive + expectedHealth, pools["dept"]["total"]!.GetValue<decimal>());
        Assert.Equal(expectedArchive + expectedHealth, pools["province"]["subtreeTotal"]!.GetValue<decimal>());
        Assert.Equal(Expected(16, 8, 0.012m) + Expected(4, 8, 0.012m), pools["dept"]["lines"]![0]!["amount"]!.GetValue<decimal>()); // the departments' rounded amounts, summed
    }

    [Fact]
    public async Task Statement_AsCsv_HasLinesDepartmentTotalsAndTheProvinceTotal()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports/statement?month=2026-11");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        using var response = await _h.Op.SendAsync(request);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');

        Assert.Equal("month,kind,pool,tenant,code,resource,unit,from,to,granted_quantity,used_quantity,unit_price,amount", lines[0]);
        Assert.Contains("2026-11,line,dept,health,VCPU-X86,vcpu,unit-hour,2026-11-16,2026-11-30,32,16,0.085,2.72", lines);
        Assert.Contains("2026-11,department_total,dept,health,,,,,,,,," + (Expected(16, 8, 0.012m) + 2.88m + 2.72m).ToString(System.Globalization.CultureInfo.InvariantCulture), lines);
        Assert.StartsWith("2026-11,total,", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statement_DepartmentKey_SeesItsOwnStatementOnly()
    {
        var key = await _h.Op.Post("/api/v1/keys", new { role = "department", tenant = "archive" }).Expect(HttpStatusCode.Created);
        using var department = _h.CreateClient();
        department.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Str("token"));

        var own = await department.GetAsync("/api/v1/reports/statement?month=2026-11").Expect(HttpStatusCode.OK);

        Assert.Equal(["archive"], own["departments"]!.AsArray().Select(d => d!.Str("tenant")));
        Assert.Equal(own["departments"]![0]!["total"]!.GetValue<decimal>(), own["total"]!.GetValue<decimal>());
        await department.GetAsync("/api/v1/reports/statement?month=2026-11&by=pool").ExpectProblem(HttpStatusCode.Forbidden);
        await department.GetAsync("/api/v1/reports/budgets").ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Budgets_ForecastAboveTheBudget_IsFlaggedInTheApiAndTheGauges()
    {
        var budgets = (await _h.Op.GetAsync("/api/v1/reports/budgets?month=2026-11").Expect(HttpStatusCode.OK)).AsArray().ToDictionary(b => b!.Str("pool"), b => b!);

        var dept = budgets["dept"];
        var spent = dept["spendToDate"]!.GetValue<decimal>();
        // The last whole day (15 November, four hours of use) sets the rate for the 356 hours left.
        var lastDay = Expected(8, 4, 0.09m) + Expected(16, 4, 0.012m) + Expected(2, 4, 0.09m) + Expected(4, 4, 0.012m);
        Assert.Equal(20m, dept["budget"]!.GetValue<decimal>());
        Assert.Equal(Math.Round(spent + lastDay / 24 * 356, 2, MidpointRounding.AwayFromZero), dept["forecast"]!.GetValue<decimal>());
        Assert.True(dept["overBudget"]!.GetValue<bool>());
        var (spendGauge, budgetGauge) = (0.0, 0.0);
        // Controllers of other tests in this process share the static registry and set the same pool's series when they start: refresh until ours are read back.
        for (var attempt = 0; attempt < 10 && (spendGauge, budgetGauge) != ((double)spent, 20.0); attempt++)
        {
            await _h.Services.GetRequiredService<BudgetGauges>().RefreshAsync();
            spendGauge = await _h.MetricAsync("cloudmgmt_pool_spend_yuan{pool=\"dept\",period=\"month_to_date\"}");
            budgetGauge = await _h.MetricAsync("cloudmgmt_pool_budget_yuan{pool=\"dept\"}");
        }

        Assert.Equal(((double)spent, 20.0), (spendGauge, budgetGauge));
    }

    [Theory]
    [InlineData("?month=2026-13", "month")]
    [InlineData("?month=2026-12", "month")] // not begun
    [InlineData("?month=2025-01", "month")] // past the daily retention
    [InlineData("?by=cloud", "by")]
    public async Task Statement_BadQuery_IsProblemNamingTheField(string query, string field)
    {
        var problem = await _h.Op.GetAsync("/api/v1/reports/statement" + query).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]![field]);
    }
}
