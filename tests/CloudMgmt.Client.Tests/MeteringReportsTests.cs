using CloudMgmt.Client.Models;
using CloudMgmt.Client.Problems;
using CloudMgmt.Client.Tests.Infrastructure;

namespace CloudMgmt.Client.Tests;

/// <summary>
/// Statements, budgets and the supervision report through the typed client, read strictly from a real controller
/// (its month so far; the figures themselves are checked by the API and cmctl tests on a metered store).
/// </summary>
[Collection(ControllerCollection.Name)]
public sealed class MeteringReportsTests(ControllerFixture fixture)
{
    private readonly CloudMgmtClient _cm = fixture.Operator;

    [Fact]
    public async Task Statement_JsonAndCsv_SameMonthAndTotal()
    {
        var statement = await _cm.Reports.StatementAsync();
        var csv = await _cm.Reports.StatementCsvAsync();
        var byPool = await _cm.Reports.StatementAsync(new StatementQuery { Month = statement.Month, By = "pool" });

        Assert.Matches(@"^\d{4}-\d\d$", statement.Month);
        Assert.Equal(("tenant", "CNY"), (statement.By, statement.Currency));
        Assert.NotNull(statement.Departments);
        Assert.Null(statement.Pools);
        Assert.StartsWith("month,kind,pool,tenant,code,", csv, StringComparison.Ordinal);
        Assert.EndsWith($"{statement.Month},total,,,,,,,,,,,{statement.Total.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n", csv, StringComparison.Ordinal);
        Assert.Equal(("pool", statement.Month), (byPool.By, byPool.Month));
        Assert.Null(byPool.Departments);
        Assert.NotNull(byPool.Pools);
    }

    [Fact]
    public async Task BudgetsAndSupervision_CurrentMonth_AreReadAsTheirTypes()
    {
        var budgets = await _cm.Reports.BudgetsAsync();
        var supervision = await _cm.Reports.SupervisionAsync();
        var csv = await _cm.Reports.SupervisionCsvAsync(supervision.Month);

        Assert.All(budgets, b => Assert.Equal(supervision.Month, b.Month));
        Assert.InRange(supervision.LowEfficiencyThreshold, 0, 1);
        Assert.StartsWith("month,pool,tenant,rank_in_pool,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statement_BadMonth_ThrowsInvalidRequestForMonth_DepartmentByPoolNotAuthorised()
    {
        var e = await Assert.ThrowsAsync<InvalidRequestException>(() => _cm.Reports.StatementAsync(new StatementQuery { Month = "2026-13" }));
        Assert.Equal("month", e.Field);
        Assert.Equal("month", (await Assert.ThrowsAsync<InvalidRequestException>(() => _cm.Reports.SupervisionAsync("2099-01"))).Field);

        var pool = Ids.New("pool");
        var tenant = Ids.New("t");
        await _cm.Pools.CreateAsync(new NewPool { Id = pool, Quota = new Dictionary<string, long> { ["vcpu"] = 1 } });
        await _cm.Tenants.CreateAsync(new NewTenant { Id = tenant, Pool = pool });
        var key = await _cm.Keys.CreateAsync(new NewApiKey { Role = ApiKeyRoles.Department, Tenant = tenant });
        using var department = fixture.Client(key.Token);
        Assert.DoesNotContain((await department.Reports.StatementAsync()).Departments!, d => d.Tenant != tenant);
        await Assert.ThrowsAsync<NotAuthorizedException>(() => department.Reports.StatementAsync(new StatementQuery { By = "pool" }));
        await Assert.ThrowsAsync<NotAuthorizedException>(() => department.Reports.BudgetsAsync());
    }
}
