using System.Globalization;
using System.Text;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Metering.Supervision;

namespace CloudMgmt.Host.Reports;

/// <summary>The supervision report's JSON and CSV forms.</summary>
internal static class SupervisionOutput
{
    private static readonly string[] Resources = ResourceNames.WellKnown.ToArray();

    public static SupervisionResponse ToResponse(SupervisionResult r) => new(
        r.Month.ToString(), r.IdleThreshold, r.LowEfficiencyThreshold,
        r.Departments.Select(d => new DepartmentSupervisionResponse(
            d.Tenant, d.Pool, d.Efficiency, d.Overall, d.RankInPool, d.DepartmentsInPool,
            d.IdleGrants.Select(Grant).ToList(), d.IdleGrants.Sum(g => g.IdleHours), d.Reclaimed.ToDictionary(), d.LowEfficiencyGrants)).ToList(),
        r.LowEfficiencyGrants.Select(Grant).ToList());

    private static GrantUseResponse Grant(GrantUse g) => new(g.AllocationId, g.Tenant, g.Pool, g.CloudId, g.HeldHours, g.IdleHours, g.MaxHourlyEfficiency);

    /// <summary>One line per department, the well-known resources as columns.</summary>
    public static string ToCsv(SupervisionResult r)
    {
        var csv = new StringBuilder("month,pool,tenant,rank_in_pool,departments_in_pool,overall_efficiency,");
        csv.Append(string.Join(",", Resources.Select(x => "efficiency_" + x))).Append(",idle_grants,idle_grant_hours,");
        csv.Append(string.Join(",", Resources.Select(x => "reclaimed_" + x))).Append(",low_efficiency_grants\n");
        foreach (var d in r.Departments)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r.Month},{ReportQuery.Csv(d.Pool)},{ReportQuery.Csv(d.Tenant)},{d.RankInPool},{d.DepartmentsInPool},{d.Overall},");
            csv.Append(string.Join(",", Resources.Select(x => d.Efficiency.TryGetValue(x, out var e) ? e.ToString(CultureInfo.InvariantCulture) : "")));
            csv.Append(CultureInfo.InvariantCulture, $",{d.IdleGrants.Count},{d.IdleGrants.Sum(g => g.IdleHours)},");
            csv.Append(string.Join(",", Resources.Select(x => d.Reclaimed[x].ToString(CultureInfo.InvariantCulture))));
            csv.Append(CultureInfo.InvariantCulture, $",{d.LowEfficiencyGrants}\n");
        }

        return csv.ToString();
    }
}

/// <param name="IdleHours">Hours of the month in which even its busiest resource was used at or below the idle threshold.</param>
/// <param name="MaxHourlyEfficiency">Its highest hourly efficiency of the month (busiest resource); null when nothing was granted.</param>
public sealed record GrantUseResponse(string AllocationId, string Tenant, string Pool, string Cloud, int HeldHours, int IdleHours, double? MaxHourlyEfficiency);

/// <param name="Overall">The mean of the per-resource efficiencies; departments are ranked by it within their pool (1 is the most efficient).</param>
public sealed record DepartmentSupervisionResponse(
    string Tenant, string Pool, IReadOnlyDictionary<string, double> Efficiency, double? Overall, int? RankInPool, int DepartmentsInPool,
    IReadOnlyList<GrantUseResponse> IdleGrants, int IdleGrantHours, IReadOnlyDictionary<string, long> Reclaimed, int LowEfficiencyGrants);

public sealed record SupervisionResponse(
    string Month, double IdleThreshold, double LowEfficiencyThreshold, IReadOnlyList<DepartmentSupervisionResponse> Departments,
    IReadOnlyList<GrantUseResponse> LowEfficiencyGrants);
