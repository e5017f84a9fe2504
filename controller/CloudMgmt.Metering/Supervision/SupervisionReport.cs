using CloudMgmt.Domain.Metering;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Grains.Usage;

namespace CloudMgmt.Metering.Supervision;

/// <summary>A grant and how it was used over the month: hours held, hours idle, its highest hourly efficiency (busiest resource).</summary>
public sealed record GrantUse(string AllocationId, string Tenant, string Pool, string CloudId, int HeldHours, int IdleHours, double? MaxHourlyEfficiency);

/// <summary>
/// One department's month. Efficiency per resource is used over granted over the month; the overall
/// figure, which ranks departments within their pool (1 is the most efficient; equal figures share a
/// rank), is the mean of the resources it was granted.
/// </summary>
public sealed record DepartmentSupervision(
    string Tenant, string Pool, IReadOnlyDictionary<string, double> Efficiency, double? Overall, int? RankInPool, int DepartmentsInPool,
    IReadOnlyList<GrantUse> IdleGrants, ResourceVector Reclaimed, int LowEfficiencyGrants);

public sealed record SupervisionResult(
    MeteringMonth Month, double IdleThreshold, double LowEfficiencyThreshold, IReadOnlyList<DepartmentSupervision> Departments, IReadOnlyList<GrantUse> LowEfficiencyGrants);

/// <summary>Builds the monthly supervision report from the month's daily sums, the grants' months and the reclaims. Pure.</summary>
public static class SupervisionReport
{
    public static (IReadOnlyList<DepartmentSupervision> Departments, IReadOnlyList<GrantUse> LowEfficiency) Build(
        IEnumerable<DaySum> sums, IEnumerable<GrantMonthFigures> grants, IEnumerable<ReclaimRecord> reclaims, double lowEfficiencyThreshold)
    {
        var uses = grants.GroupBy(g => g.Grant.Series)
            .Select(g =>
            {
                var first = g.First();
                var max = g.Max(r => r.MaxEfficiencyPpm);
                return new GrantUse(first.Grant.AllocationId, first.Grant.Tenant, first.Grant.Pool, first.Grant.CloudId,
                    g.Max(r => r.HeldHours), g.Max(r => r.IdleHours), max < 0 ? null : max / 1e6);
            })
            .ToList();
        var low = uses.Where(u => u.HeldHours > 0 && u.MaxHourlyEfficiency is { } e && e < lowEfficiencyThreshold)
            .OrderBy(u => u.Pool, StringComparer.Ordinal).ThenBy(u => u.Tenant, StringComparer.Ordinal).ThenBy(u => u.AllocationId, StringComparer.Ordinal).ToList();
        var reclaimed = reclaims.GroupBy(r => r.Tenant).ToDictionary(g => g.Key, g => g.Aggregate(ResourceVector.Zero, (sum, r) => sum + r.Reclaimed));
        var departments = sums.GroupBy(s => (Tenant: s.Tenant!, Pool: s.Pool!))
            .Select(g =>
            {
                var efficiency = g.GroupBy(s => s.Resource).Where(r => r.Sum(x => x.GrantedMs) > 0)
                    .ToDictionary(r => r.Key, r => Math.Round((double)r.Sum(x => x.UsedMs) / r.Sum(x => x.GrantedMs), 4), StringComparer.Ordinal);
                var mine = uses.Where(u => u.Tenant == g.Key.Tenant && u.Pool == g.Key.Pool).ToList();
                return new DepartmentSupervision(g.Key.Tenant, g.Key.Pool, efficiency, efficiency.Count == 0 ? null : Math.Round(efficiency.Values.Average(), 4), null, 0,
                    mine.Where(u => u.IdleHours > 0).OrderByDescending(u => u.IdleHours).ThenBy(u => u.AllocationId, StringComparer.Ordinal).ToList(),
                    reclaimed.GetValueOrDefault(g.Key.Tenant) ?? ResourceVector.Zero, low.Count(u => u.Tenant == g.Key.Tenant && u.Pool == g.Key.Pool));
            })
            .ToList();
        return (Ranked(departments), low);
    }

    private static List<DepartmentSupervision> Ranked(List<DepartmentSupervision> departments) => departments
        .GroupBy(d => d.Pool, StringComparer.Ordinal)
        .SelectMany(pool =>
        {
            var ordered = pool.OrderByDescending(d => d.Overall ?? -1).ThenBy(d => d.Tenant, StringComparer.Ordinal).ToList();
            return ordered.Select(d => d with
            {
                RankInPool = d.Overall is null ? null : 1 + ordered.Count(o => o.Overall > d.Overall),
                DepartmentsInPool = ordered.Count,
            });
        })
        .OrderBy(d => d.Pool, StringComparer.Ordinal).ThenBy(d => d.RankInPool ?? int.MaxValue).ThenBy(d => d.Tenant, StringComparer.Ordinal)
        .ToList();
}
