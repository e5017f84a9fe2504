using System.Net;
using CloudMgmt.Api.Tests.Elastic;

namespace CloudMgmt.Api.Tests.Reports;

/// <summary>
/// The supervision report after three hours on a fake clock with the elastic pass running: one
/// department uses half of its grant, the other almost nothing, so its grant is marked idle after
/// the policy's 30 minutes and reclaimed an hour later.
/// </summary>
public sealed class SupervisionApiTests : IAsyncLifetime
{
    private readonly ElasticHarness _h = new();
    private string _idle = "";

    public async Task InitializeAsync()
    {
        await _h.StartAsync();
        await _h.ReadyAllocationAsync(8, 16, 0.5);
        _idle = await _h.ReadyAllocationAsync(2, 4, 0.02, tenant: "archive");
        await _h.MinutesAsync(180, step: 5); // 08:00 to 11:00; reconcile and the elastic pass every 5 minutes
    }

    public Task DisposeAsync()
    {
        _h.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Supervision_IdleDepartment_RanksLastWithItsIdleGrantReclaimedCapacityAndLowEfficiency()
    {
        Assert.Equal("Released", (await _h.GetAsync(_idle)).Str("status")); // reclaimed by the elastic policy

        var report = await _h.Op.GetAsync("/api/v1/reports/supervision?month=2026-11").Expect(HttpStatusCode.OK);

        var departments = report["departments"]!.AsArray();
        Assert.Equal(["health 1/2", "archive 2/2"], departments.Select(d => $"{d!.Str("tenant")} {d!.Long("rankInPool")}/{d!.Long("departmentsInPool")}"));
        var archive = departments[1]!;
        Assert.Equal(0, archive["efficiency"]!["vcpu"]!.GetValue<double>());
        Assert.Equal(0.5, departments[0]!["overall"]!.GetValue<double>());
        var idle = Assert.Single(archive["idleGrants"]!.AsArray());
        Assert.Equal(_idle, idle!.Str("allocationId"));
        Assert.InRange(idle!.Long("idleHours"), 1, 2); // held from 08:00 until its reclaim after 09:30
        Assert.Equal((2, 4), (archive.Long("reclaimed.vcpu"), archive.Long("reclaimed.memoryGiB")));
        Assert.Equal([_idle], report["lowEfficiencyGrants"]!.AsArray().Select(g => g!.Str("allocationId")));
    }

    [Fact]
    public async Task Supervision_DepartmentKeyAndCsv_OwnRowOnly_OneLinePerDepartment()
    {
        var key = await _h.Op.Post("/api/v1/keys", new { role = "department", tenant = "health" }).Expect(HttpStatusCode.Created);
        using var department = _h.CreateClient();
        department.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key.Str("token"));

        var own = await department.GetAsync("/api/v1/reports/supervision?month=2026-11").Expect(HttpStatusCode.OK);
        var csv = (await _h.Op.GetStringAsync("/api/v1/reports/supervision?month=2026-11&format=csv")).TrimEnd('\n').Split('\n');

        Assert.Equal(["health"], own["departments"]!.AsArray().Select(d => d!.Str("tenant")));
        Assert.Empty(own["lowEfficiencyGrants"]!.AsArray());
        Assert.StartsWith("month,pool,tenant,rank_in_pool,departments_in_pool,overall_efficiency,efficiency_vcpu,", csv[0], StringComparison.Ordinal);
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("2026-11,dept,health,1,2,0.5,0.5,", csv[1], StringComparison.Ordinal);
    }
}
