using System.Globalization;
using System.Net;
using CloudMgmt.Faults.Tests.Infrastructure;
using CloudMgmt.Faults.Tests.Model;
using CloudMgmt.Reconciliation.Clouds;

namespace CloudMgmt.Faults.Tests.Stuck;

/// <summary>Work that does not converge is visible: a metric, one event per stuck grant, and the metric back to zero once it converges.</summary>
public sealed class StuckGrantsTests(FaultHostFixture fixture) : IClassFixture<FaultHostFixture>
{
    private FaultHost Host => fixture.Host;

    [Fact]
    public async Task GrantPass_GrantNotMadeForLongerThanStuckAfter_CountedReportedOnceAndClearedWhenMade()
    {
        var tree = new Tree(9001);
        await Host.SeedAsync(tree, 0, 9001);
        var created = await Host.Op.Post("/api/v1/allocations", new
        {
            tenant = tree.TenantOf(tree.Departments[0]), resources = new { vcpu = 2, memoryGiB = 4 }, constraints = new { region = tree.Region },
        }).Expect(HttpStatusCode.Created);
        var id = created.Str("id");
        var cloud = (await Task.WhenAll(tree.Clouds.Select(async c => (c, await Host.DesiredAsync(c))))).Single(d => d.Item2.Count == 1).c;
        Host.CloudOf(cloud).Outage = true;

        await Host.ReconcileAsync(tree);
        Assert.Equal(0, await StuckAsync(cloud)); // waiting, not stuck yet

        Host.Clock.Advance(new StuckWorkOptions().StuckAfter);
        await Host.ReconcileAsync(tree);
        await Host.ReconcileAsync(tree);
        Assert.Equal(1, await StuckAsync(cloud));
        var events = (await Host.Op.GetAsync($"/api/v1/events?kind=stuck&tenant={tree.TenantOf(tree.Departments[0])}").Expect(HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Single(events, e => e!["allocationId"]!.GetValue<string>() == id); // two passes, one event

        Host.CloudOf(cloud).Outage = false;
        await Host.ReconcileAsync(tree);
        Assert.Equal(0, await StuckAsync(cloud));
        Assert.Equal("Ready", (await Host.Op.GetAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK)).Str("status"));
    }

    private async Task<double> StuckAsync(string cloud)
    {
        var series = $"cloudmgmt_stuck_grants{{cloud=\"{cloud}\"}} ";
        var line = (await Host.Op.GetStringAsync("/metrics")).Split('\n').FirstOrDefault(l => l.StartsWith(series, StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[series.Length..], CultureInfo.InvariantCulture);
    }
}
