using CloudMgmt.Domain.Metering;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Grains.Usage;
using CloudMgmt.Metering.Supervision;

namespace CloudMgmt.Metering.Tests.Supervision;

public sealed class SupervisionReportTests
{
    private static readonly MeteringMonth November = new(2026, 11);
    private const long H = 3_600_000;

    private static DaySum Sum(string tenant, string pool, string resource, long granted, long used) => new(0, null, tenant, pool, resource, granted * H, used * H, granted * H);

    private static GrantMonthFigures Grant(string id, string tenant, string pool, string resource, int held, int idle, long maxPpm) =>
        new(November, MeteredGrant.Of("x86", id, tenant, pool), resource, 0, 0, held, idle, maxPpm);

    [Fact]
    public void Build_DepartmentsOfTwoPools_RanksWithinEachPoolByTheMeanOfTheirResourceEfficiencies()
    {
        DaySum[] sums =
        [
            Sum("health", "hefei", "vcpu", 100, 60), Sum("health", "hefei", "memoryGiB", 100, 20), // mean 0.4
            Sum("tax", "hefei", "vcpu", 100, 40),                                                  // 0.4: shares the rank
            Sum("police", "hefei", "vcpu", 100, 90),                                               // 0.9: first
            Sum("archive", "wuhu", "vcpu", 10, 1),                                                 // alone in its pool
        ];

        var (departments, _) = SupervisionReport.Build(sums, [], [], 0.3);

        Assert.Equal(["police 1/3", "health 2/3", "tax 2/3", "archive 1/1"], departments.Select(d => $"{d.Tenant} {d.RankInPool}/{d.DepartmentsInPool}"));
        var health = departments.Single(d => d.Tenant == "health");
        Assert.Equal((0.6, 0.2, 0.4), (health.Efficiency["vcpu"], health.Efficiency["memoryGiB"], health.Overall!.Value));
    }

    [Fact]
    public void Build_GrantsMonths_ListsIdleGrantsLongestFirstAndTheGrantsBelowTheThresholdAllMonth()
    {
        DaySum[] sums = [Sum("health", "hefei", "vcpu", 100, 10)];
        GrantMonthFigures[] grants =
        [
            Grant("a", "health", "hefei", "vcpu", 720, 30, 950_000), Grant("a", "health", "hefei", "memoryGiB", 720, 30, 100_000), // busy at times
            Grant("b", "health", "hefei", "vcpu", 500, 480, 290_000),  // below 0.3 every hour, idle 480 h
            Grant("c", "health", "hefei", "vcpu", 10, 0, 300_000),     // reached 0.3 once: not listed
        ];
        var reclaims = new[]
        {
            new ReclaimRecord(DateTimeOffset.UnixEpoch, "d", "health", "hefei", "x86", ResourceVector.Of(("vcpu", 4), ("memoryGiB", 8)), "idle"),
            new ReclaimRecord(DateTimeOffset.UnixEpoch, "e", "health", "hefei", "x86", ResourceVector.Of(("vcpu", 2)), "idle"),
        };

        var (departments, low) = SupervisionReport.Build(sums, grants, reclaims, 0.3);

        var health = Assert.Single(departments);
        Assert.Equal([("b", 480), ("a", 30)], health.IdleGrants.Select(g => (g.AllocationId, g.IdleHours)));
        Assert.Equal(0.95, health.IdleGrants[1].MaxHourlyEfficiency);
        Assert.Equal(["b"], low.Select(g => g.AllocationId));
        Assert.Equal(1, health.LowEfficiencyGrants);
        Assert.Equal(ResourceVector.Of(("vcpu", 6), ("memoryGiB", 8)), health.Reclaimed);
    }
}
