using System.Globalization;
using System.Text;
using CloudMgmt.Metering.Statements;

namespace CloudMgmt.Host.Reports;

/// <summary>The statement's JSON and CSV forms, by department (tenant) or by pool.</summary>
internal static class StatementOutput
{
    public static StatementResponse ToResponse(Statement s, bool byPool) => new(
        s.Month.ToString(), byPool ? "pool" : "tenant", s.Catalogue, "CNY", s.Basis.ToString().ToLowerInvariant(), Statement.Rounding, s.From, s.To, s.ClosedThrough,
        byPool ? null : s.Departments.Select(d => new DepartmentResponse(d.Tenant, d.DisplayName, d.Pool, d.Lines.Select(Line).ToList(), d.Total)).ToList(),
        byPool ? s.Pools.Select(p => new PoolResponse(p.Pool, p.Parent, p.Departments, p.Lines.Select(Line).ToList(), p.Total, p.SubtreeTotal)).ToList() : null,
        s.Total);

    private static LineResponse Line(StatementLine l) => new(
        l.Code, new NameResponse(l.NameEn, l.NameZh), l.Resource, PoolTotals.UnitName(l.Unit), l.From, l.To, l.GrantedQuantity, l.UsedQuantity, l.UnitPrice, l.Amount,
        l.UnitPrice is not null);

    /// <summary>Lines, then each department's (or pool's) total, then the province's: the column <c>kind</c> says which.</summary>
    public static string ToCsv(Statement s, bool byPool)
    {
        var csv = new StringBuilder("month,kind,pool,tenant,code,resource,unit,from,to,granted_quantity,used_quantity,unit_price,amount\n");
        void Row(string kind, string pool, string tenant, StatementLine? l, decimal amount) => csv.Append(CultureInfo.InvariantCulture,
            $"{s.Month},{kind},{ReportQuery.Csv(pool)},{ReportQuery.Csv(tenant)},{ReportQuery.Csv(l?.Code ?? "")},{ReportQuery.Csv(l?.Resource ?? "")}," +
            $"{(l is null ? "" : PoolTotals.UnitName(l.Unit))},{l?.From:yyyy-MM-dd},{l?.To:yyyy-MM-dd},{l?.GrantedQuantity},{l?.UsedQuantity},{l?.UnitPrice},{amount}\n");
        if (byPool)
        {
            foreach (var p in s.Pools)
            {
                p.Lines.ToList().ForEach(l => Row("line", p.Pool, "", l, l.Amount));
                Row("pool_total", p.Pool, "", null, p.Total);
                Row("subtree_total", p.Pool, "", null, p.SubtreeTotal);
            }
        }
        else
        {
            foreach (var d in s.Departments)
            {
                d.Lines.ToList().ForEach(l => Row("line", d.Pool, d.Tenant, l, l.Amount));
                Row("department_total", d.Pool, d.Tenant, null, d.Total);
            }
        }

        Row("total", "", "", null, s.Total);
        return csv.ToString();
    }
}

public sealed record NameResponse(string En, string Zh);

/// <param name="Unit">unit-hour (a unit held for an hour) or unit-month (held for the whole month).</param>
/// <param name="Priced">False when no service prices this usage (no item matches the cloud, or its first price is later): the amount is 0.</param>
public sealed record LineResponse(
    string Code, NameResponse Name, string Resource, string Unit, DateOnly From, DateOnly To, decimal GrantedQuantity, decimal UsedQuantity, decimal? UnitPrice,
    decimal Amount, bool Priced);

public sealed record DepartmentResponse(string Tenant, string? DisplayName, string Pool, IReadOnlyList<LineResponse> Lines, decimal Total);

/// <param name="Total">The departments in this pool itself.</param>
/// <param name="SubtreeTotal">This pool and every pool below it.</param>
public sealed record PoolResponse(string Pool, string? Parent, int Departments, IReadOnlyList<LineResponse> Lines, decimal Total, decimal SubtreeTotal);

/// <param name="ClosedThrough">The figures cover closed hours up to this time (the month's end once it is over).</param>
/// <param name="Total">The province's total: the sum of every department's total.</param>
public sealed record StatementResponse(
    string Month, string By, string Catalogue, string Currency, string ChargeBasis, string Rounding, DateTimeOffset From, DateTimeOffset To,
    DateTimeOffset ClosedThrough, IReadOnlyList<DepartmentResponse>? Departments, IReadOnlyList<PoolResponse>? Pools, decimal Total);
