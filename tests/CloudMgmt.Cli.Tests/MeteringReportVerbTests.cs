using System.Globalization;
using System.Text.Json.Nodes;
using CloudMgmt.Cli.Tests.Infrastructure;
using CloudMgmt.Client;

namespace CloudMgmt.Cli.Tests;

/// <summary>
/// cmctl report statement|budgets|supervision and efficiency over November 2026, against a real controller
/// whose store holds that month's metered hours (see <see cref="MeteredController"/>). Expected amounts are
/// worked out here from the grants' sizes, hours and the test catalogue's prices alone.
/// </summary>
public sealed class MeteringReportVerbTests(MeteredController controller) : IClassFixture<MeteredController>, IDisposable
{
    private readonly Cmctl _cmctl = controller.Operator().Wide();

    /// <summary>units × hours × price, rounded half away from zero to the fen.</summary>
    private static decimal Expected(long units, int hours, decimal price) => Math.Round(units * hours * price, 2, MidpointRounding.AwayFromZero);

    private static readonly decimal Health = Expected(8, 144, 0.09m) + Expected(8, 120, 0.085m) + Expected(16, 264, 0.012m);
    private static readonly decimal Archive = Expected(2, 48, 0.11m) + Expected(4, 48, 0.012m);
    private static readonly decimal Edu = Expected(4, 24, 0.085m) + Expected(8, 24, 0.012m);

    private static string Fen(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    [Fact]
    public async Task ReportStatement_Table_ShowsEachLineAndTotalsAddingUpToTheFen()
    {
        var table = await _cmctl.RunAsync("report", "statement", "--month", "2026-11").Exit(0);

        Assert.Matches($@"(?m)^hefei\s+health\s+VCPU-X86\s+2026-11-01\s+2026-11-15\s+unit-hour\s+1152\s+576\s+0\.09\s+{Fen(Expected(8, 144, 0.09m))}$", table.Out);
        Assert.Matches($@"(?m)^hefei\s+health\s+VCPU-X86\s+2026-11-16\s+2026-11-30\s+unit-hour\s+960\s+480\s+0\.085\s+{Fen(Expected(8, 120, 0.085m))}$", table.Out);
        Assert.Matches($@"(?m)^hefei\s+archive\s+VCPU-XC\s+2026-11-01\s+2026-11-30\s+unit-hour\s+96\s+0\s+0\.11\s+{Fen(Expected(2, 48, 0.11m))}$", table.Out);
        Assert.Matches($@"(?m)^hefei\s+health\s+TOTAL(\s+){Fen(Health)}$", table.Out);
        Assert.Matches($@"(?m)^wuhu\s+edu\s+TOTAL\s+{Fen(Edu)}$", table.Out);
        Assert.Matches($@"(?m)^-\s+-\s+PROVINCE-TOTAL\s+{Fen(Health + Archive + Edu)}$", table.Out);
        Assert.Contains("catalogue cli-test-prices, charged on what was granted", table.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportStatement_ByPool_JsonAndYaml_CarryThePoolsAndSubtreeTotals()
    {
        var json = JsonNode.Parse((await _cmctl.RunAsync("report", "statement", "--month", "2026-11", "--by", "pool", "-o", "json").Exit(0)).Out)!;
        var yaml = await _cmctl.RunAsync("report", "statement", "--month", "2026-11", "--by", "pool", "-o", "yaml").Exit(0);

        var pools = json["pools"]!.AsArray().ToDictionary(p => p!["pool"]!.GetValue<string>(), p => p!);
        Assert.Equal(Health + Archive, pools["hefei"]["total"]!.GetValue<decimal>());
        Assert.Equal(Health + Archive + Edu, pools["anhui"]["subtreeTotal"]!.GetValue<decimal>());
        Assert.Equal(0m, pools["anhui"]["total"]!.GetValue<decimal>()); // no department of its own
        Assert.Null(json["departments"]);
        Assert.Equal("pool", json["by"]!.GetValue<string>());
        Assert.Contains("by: pool\n", yaml.Out, StringComparison.Ordinal);
        Assert.Contains("subtreeTotal: " + Fen(Health + Archive + Edu), yaml.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportStatement_Csv_IsTheApisCsvByteForByte()
    {
        using var http = controller.Controller.Operator();
        foreach (var by in new[] { "tenant", "pool" })
        {
            var api = await http.GetStringAsync($"/api/v1/reports/statement?month=2026-11&by={by}&format=csv");

            var csv = await _cmctl.RunAsync("report", "statement", "--month", "2026-11", "--by", by, "-o", "csv").Exit(0);

            Assert.Equal(api, csv.Out);
            Assert.Contains("2026-11,total,,,,,,,,,,," + Fen(Health + Archive + Edu), csv.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReportStatement_TheStrictClientReadsTheSameStatementAsCmctlPrints()
    {
        using var client = CloudMgmtClient.Create(new CloudMgmtClientOptions
        {
            BaseAddress = controller.Server, Token = CliController.OperatorToken, StrictResponses = true, // a field the client lacks fails here
        });

        var statement = await client.Reports.StatementAsync(new() { Month = "2026-11" });
        var printed = JsonNode.Parse((await _cmctl.RunAsync("report", "statement", "--month", "2026-11", "-o", "json").Exit(0)).Out)!;

        Assert.Equal(["archive", "health", "edu"], statement.Departments!.Select(d => d.Tenant));
        Assert.Equal("health department", statement.Departments![1].DisplayName);
        Assert.Equal((Archive, Health, Edu), (statement.Departments[0].Total, statement.Departments[1].Total, statement.Departments[2].Total));
        Assert.Equal(statement.Total, printed["total"]!.GetValue<decimal>());
        Assert.Equal(statement.Departments.Sum(d => d.Lines.Count), printed["departments"]!.AsArray().Sum(d => d!["lines"]!.AsArray().Count));
    }

    [Fact]
    public async Task ReportStatement_BadMonthOrGrouping_ExitsTwoNamingTheField_DepartmentByPoolFive()
    {
        var future = await _cmctl.RunAsync("report", "statement", "--month", "2099-01").Exit(2);
        Assert.Contains("month", future.Err, StringComparison.Ordinal);
        await _cmctl.RunAsync("report", "statement", "--month", "November").Exit(2);
        await _cmctl.RunAsync("report", "statement", "--by", "cloud").Exit(2);

        var key = JsonNode.Parse((await _cmctl.RunAsync("keys", "create", "--role", "department", "--tenant", "edu", "-o", "json").Exit(0)).Out)!;
        using var department = new Cmctl().WithServer(controller.Server, key["token"]!.GetValue<string>());
        var own = JsonNode.Parse((await department.RunAsync("report", "statement", "--month", "2026-11", "-o", "json").Exit(0)).Out)!;
        Assert.Equal(["edu"], own["departments"]!.AsArray().Select(d => d!["tenant"]!.GetValue<string>()));
        Assert.Equal(Edu, own["total"]!.GetValue<decimal>());
        await department.RunAsync("report", "statement", "--month", "2026-11", "--by", "pool").Exit(5);
        await department.RunAsync("report", "budgets", "--month", "2026-11").Exit(5);
    }

    [Fact]
    public async Task ReportBudgets_EachFormat_ShowsSpendForecastAndTheOverBudgetPool()
    {
        var table = await _cmctl.RunAsync("report", "budgets", "--month", "2026-11").Exit(0);
        var csv = await _cmctl.RunAsync("report", "budgets", "--month", "2026-11", "-o", "csv").Exit(0);
        var json = JsonNode.Parse((await _cmctl.RunAsync("report", "budgets", "--month", "2026-11", "-o", "json").Exit(0)).Out)!.AsArray();

        // November is over: the forecast is what was spent.
        Assert.Matches($@"(?m)^hefei\s+2026-11\s+200\.00\s+{Fen(Health + Archive)}\s+{Fen(Health + Archive)}\s+yes\s+2026-11-30 16:00:00Z$", table.Out);
        Assert.Matches($@"(?m)^anhui\s+2026-11\s+1000\.00\s+{Fen(Health + Archive + Edu)}\s+\S+\s+no\s", table.Out);
        Assert.Matches($@"(?m)^wuhu\s+2026-11\s+-\s+{Fen(Edu)}\s", table.Out);
        Assert.Contains("forecast above budget: hefei", table.Err, StringComparison.Ordinal);
        Assert.StartsWith("pool,month,budget,spend-to-date,forecast,over-budget,closed-through\n", csv.Out, StringComparison.Ordinal);
        Assert.Contains($"hefei,2026-11,200.00,{Fen(Health + Archive)},", csv.Out, StringComparison.Ordinal);
        Assert.True(json.Single(b => b!["pool"]!.GetValue<string>() == "hefei")!["overBudget"]!.GetValue<bool>());
        Assert.Null(json.Single(b => b!["pool"]!.GetValue<string>() == "wuhu")!["budget"]);
    }

    [Fact]
    public async Task ReportSupervision_TableJsonCsv_RanksDepartmentsAndListsTheIdleLowEfficiencyGrant()
    {
        var table = await _cmctl.RunAsync("report", "supervision", "--month", "2026-11").Exit(0);
        var json = JsonNode.Parse((await _cmctl.RunAsync("report", "supervision", "--month", "2026-11", "-o", "json").Exit(0)).Out)!;
        var csv = await _cmctl.RunAsync("report", "supervision", "--month", "2026-11", "-o", "csv").Exit(0);
        using var http = controller.Controller.Operator();

        Assert.Matches(@"(?m)^hefei\s+health\s+1/2\s+50%\s+memoryGiB=50% vcpu=50%\s+0\s+0\s+0\s*$", table.Out);
        Assert.Matches(@"(?m)^hefei\s+archive\s+2/2\s+0%\s+memoryGiB=0% vcpu=0%\s+1\s+48\s+1\s+vcpu=2 memoryGiB=4$", table.Out);
        Assert.Matches(@"(?m)^wuhu\s+edu\s+1/1\s+25%\s+memoryGiB=0% vcpu=50%\s+0\s+0\s+0\s*$", table.Out);
        Assert.Contains("Grants under 30% efficiency all month:", table.Out, StringComparison.Ordinal);
        Assert.Matches($@"(?m)^{MeteredController.ArchiveGrant}\s+hefei\s+archive\s+xinchuang-arm\s+48\s+48\s+0%$", table.Out);
        Assert.Equal([MeteredController.ArchiveGrant], json["lowEfficiencyGrants"]!.AsArray().Select(g => g!["allocationId"]!.GetValue<string>()));
        Assert.Equal(48, json["departments"]![1]!["idleGrantHours"]!.GetValue<int>());
        Assert.Equal(await http.GetStringAsync("/api/v1/reports/supervision?month=2026-11&format=csv"), csv.Out);
        await _cmctl.RunAsync("report", "supervision", "--month", "2026-13").Exit(2);
    }

    [Fact]
    public async Task ReportEfficiency_November_PerDayAndPerMonth_FromTheDurableRollups()
    {
        string[] november = ["--from", "2026-10-31T16:00:00Z", "--to", "2026-11-30T16:00:00Z"];

        var month = JsonNode.Parse((await _cmctl.RunAsync(["report", "efficiency", "--by", "tenant", "--step", "month", .. november, "-o", "json"]).Exit(0)).Out)!;
        var days = JsonNode.Parse((await _cmctl.RunAsync(["report", "efficiency", "--by", "pool", "--step", "day", .. november, "-o", "json"]).Exit(0)).Out)!;
        var table = await _cmctl.RunAsync(["report", "efficiency", "--by", "cloud", .. november]).Exit(0);

        var rows = month["rows"]!.AsArray().ToDictionary(r => r!["key"]!.GetValue<string>(), r => r!);
        Assert.Equal(8m * 264, rows["health"]["grantedUnitHours"]!["vcpu"]!.GetValue<decimal>());
        Assert.Equal(4m * 264, rows["health"]["usedUnitHours"]!["vcpu"]!.GetValue<decimal>());
        Assert.Equal(2m * 48, rows["archive"]["grantedUnitHours"]!["vcpu"]!.GetValue<decimal>());
        Assert.Equal(48m, rows["archive"]["grantHours"]!.GetValue<decimal>());
        var hefeiDays = days["rows"]!.AsArray().Where(r => r!["key"]!.GetValue<string>() == "hefei").ToList();
        // 1-2 November (archive), its reclaim on the 3rd, and 10-20 November (health).
        Assert.Equal(["01", "02", "03", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"],
            hefeiDays.Select(d => d!["from"]!.GetValue<DateTimeOffset>().ToOffset(TimeSpan.FromHours(8)).ToString("dd", CultureInfo.InvariantCulture)));
        Assert.Equal(2, hefeiDays[2]!["reclaimed"]!["vcpu"]!.GetValue<long>());
        Assert.All(hefeiDays.Where(d => d != hefeiDays[2]), d => Assert.Equal(24m, d!["grantHours"]!.GetValue<decimal>()));
        // Averages over the month's 720 hours: (8 × 264 + 4 × 24) / 720 vCPU granted; memory used (8 × 264) / (16 × 264 + 8 × 24).
        Assert.Matches(@"(?m)^2026-10-31 16:00:00Z\s+province-x86\s+\d+\s+vcpu=3 memoryGiB=6\s+vcpu=2 memoryGiB=3\s+memoryGiB=47\.8% vcpu=50%\s*$", table.Out);
        Assert.Matches(@"(?m)^2026-10-31 16:00:00Z\s+xinchuang-arm\s+.*vcpu=2 memoryGiB=4$", table.Out);
        await _cmctl.RunAsync("report", "efficiency", "--from", "2020-01-01T00:00:00Z", "--to", "2020-02-01T00:00:00Z").Exit(2); // past retention
    }

    public void Dispose() => _cmctl.Dispose();
}
