using CloudMgmt.Domain.Metering;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Grains.Usage;
using CloudMgmt.Metering.Statements;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Metering.Supervision;

/// <summary>
/// The monthly supervision report: per department its efficiency, its idle grants and for how
/// long, the capacity reclaimed from it, and its rank in its pool; and the grants whose efficiency
/// stayed below Metering:LowEfficiencyThreshold every hour of the month. <paramref name="tenant"/> limits it to one department's row.
/// </summary>
public sealed class SupervisionService(IUsageStore store, StatementService statements, IOptions<MeteringOptions> options)
{
    public async Task<SupervisionResult> BuildAsync(MeteringMonth month, string? tenant)
    {
        var o = options.Value;
        var calendar = statements.Calendar;
        // The whole pool is read even for one department: its rank is among the pool's departments.
        var sums = await store.SumDaysAsync(month.FirstDay, month.Next.FirstDay, new DayGrouping(DayBucket.Period, false, true, true), tenant: null);
        var grants = await store.ReadMonthAsync(month, tenant);
        var reclaims = await store.ReadReclaimsAsync(calendar.MonthStart(month), calendar.MonthStart(month.Next), tenant);
        var (departments, low) = SupervisionReport.Build(sums, grants, reclaims, o.LowEfficiencyThreshold);
        if (tenant is not null)
        {
            departments = departments.Where(d => d.Tenant == tenant).ToList();
            low = low.Where(g => g.Tenant == tenant).ToList();
        }

        return new SupervisionResult(month, o.IdleThreshold, o.LowEfficiencyThreshold, departments, low);
    }
}
