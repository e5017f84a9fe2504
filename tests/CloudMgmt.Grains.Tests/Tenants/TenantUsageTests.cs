using CloudMgmt.Domain.Allocations;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Tenants;
using CloudMgmt.Grains.Tests.Infrastructure;

namespace CloudMgmt.Grains.Tests.Tenants;

[Collection(ClusterCollection.Name)]
public sealed class TenantUsageTests(ClusterFixture fixture)
{
    private readonly TreeSetup _tree = new(fixture.Grains);

    [Fact]
    public async Task GetUsage_EveryStatusHoldingAdmittedQuota_CountsAsAdmitted()
    {
        var tenant = fixture.Grains.GetGrain<ITenantGrain>(_tree.Id("tenant"));
        var at = DateTimeOffset.Parse("2026-11-28T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var statuses = Enum.GetValues<AllocationStatus>();
        for (var i = 0; i < statuses.Length; i++)
        {
            // vcpu 2^i, so each status's share of a total can be told apart
            await tenant.Record(new AllocationSummary(_tree.Id($"a{i}"), _tree.Id("tenant"), statuses[i], TreeSetup.Cpu(1L << i), 0, at, at));
        }

        var usage = await tenant.GetUsage();

        long Sum(Func<AllocationStatus, bool> which) => statuses.Select((s, i) => which(s) ? 1L << i : 0).Sum();
        var holding = new[] { AllocationStatus.Admitted, AllocationStatus.Placed, AllocationStatus.Provisioning, AllocationStatus.Ready,
            AllocationStatus.Resizing, AllocationStatus.Releasing };
        Assert.Equal(TreeSetup.Cpu(Sum(holding.Contains)), usage.Admitted);
        Assert.Equal(TreeSetup.Cpu(Sum(s => s == AllocationStatus.PendingApproval)), usage.PendingApproval);
        Assert.Equal(statuses.Length, usage.Allocations);
    }

    [Fact]
    public async Task GetUsage_AllocationPlacedOnACloud_IsInTheAdmittedFigure()
    {
        await _tree.PoolAsync("province", null, ResourceVector.Zero);
        await _tree.PoolAsync("dept", "province", TreeSetup.Cpu(10));
        await _tree.TenantAsync("tenant", "dept");
        var cloud = await TestClouds.RegisterAsync(fixture.Grains, _tree.Id("cloud"), TreeSetup.Cpu(50));
        try
        {
            var placed = await _tree.Allocation("placed").Submit(_tree.Request("tenant", TreeSetup.Cpu(3)));
            Assert.True(placed.Value!.Status == AllocationStatus.Placed, placed.Value.History[^1].Message);

            var usage = await fixture.Grains.GetGrain<ITenantGrain>(_tree.Id("tenant")).GetUsage();

            Assert.Equal(TreeSetup.Cpu(3), usage.Admitted);
            Assert.Equal(ResourceVector.Zero, usage.PendingApproval);
        }
        finally
        {
            await cloud.Unreserve(_tree.Id("alloc-placed")); // the shared cluster must not place other tests' allocations here
            Assert.True((await cloud.Remove()).Succeeded);
        }
    }
}
