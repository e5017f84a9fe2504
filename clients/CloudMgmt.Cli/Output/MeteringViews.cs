using System.Globalization;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Cli.Output;

/// <summary>One row of a statement as a table shows it: a line, or a department's, pool's or the province's total (the API's CSV has the same rows).</summary>
internal sealed record StatementRow(string Kind, string Pool, string Tenant, StatementLine? Line, decimal Amount);

/// <summary>The table (and CSV) columns of the metering reports: statements, budgets and the supervision report.</summary>
internal static class MeteringViews
{
    public static readonly Column<StatementRow>[] Statement =
    [
        new("POOL", r => r.Pool),
        new("TENANT", r => r.Tenant),
        new("CODE", r => r.Line?.Code ?? r.Kind.ToUpperInvariant(), c => c.EndsWith("TOTAL", StringComparison.Ordinal) ? "1" : null),
        new("FROM", r => r.Line is { } l ? Date(l.From) : ""),
        new("TO", r => r.Line is { } l ? Date(l.To) : ""),
        new("UNIT", r => r.Line?.Unit ?? ""),
        new("GRANTED", r => r.Line is { } l ? Number(l.GrantedQuantity) : ""),
        new("USED", r => r.Line is { } l ? Number(l.UsedQuantity) : ""),
        new("UNIT-PRICE", r => r.Line is null ? "" : r.Line.UnitPrice is { } p ? Number(p) : "-"),
        new("AMOUNT", r => Yuan(r.Amount)),
    ];

    public static readonly Column<PoolBudget>[] Budgets =
    [
        new("POOL", b => b.Pool),
        new("MONTH", b => b.Month),
        new("BUDGET", b => b.Budget is { } v ? Yuan(v) : "-"),
        new("SPEND-TO-DATE", b => Yuan(b.SpendToDate)),
        new("FORECAST", b => Yuan(b.Forecast)),
        new("OVER-BUDGET", b => b.OverBudget ? "yes" : "no", o => o == "yes" ? "31" : null),
        new("CLOSED-THROUGH", b => Views.Time(b.ClosedThrough)),
    ];

    public static readonly Column<DepartmentSupervision>[] Supervision =
    [
        new("POOL", d => d.Pool),
        new("TENANT", d => d.Tenant),
        new("RANK", d => d.RankInPool is { } r ? $"{r}/{d.DepartmentsInPool}" : "-"),
        new("OVERALL", d => Percent(d.Overall)),
        new("EFFICIENCY", d => string.Join(" ", d.Efficiency.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={Percent(e.Value)}")), Cut: true),
        new("IDLE-GRANTS", d => d.IdleGrants.Count.ToString(CultureInfo.InvariantCulture)),
        new("IDLE-HOURS", d => d.IdleGrantHours.ToString(CultureInfo.InvariantCulture)),
        new("LOW-EFFICIENCY", d => d.LowEfficiencyGrants.ToString(CultureInfo.InvariantCulture), l => l == "0" ? null : "33"),
        new("RECLAIMED", d => Views.Resources(d.Reclaimed.Where(r => r.Value != 0).ToDictionary()), Cut: true),
    ];

    public static readonly Column<GrantUse>[] Grants =
    [
        new("ALLOCATION", g => g.AllocationId),
        new("POOL", g => g.Pool),
        new("TENANT", g => g.Tenant),
        new("CLOUD", g => g.Cloud),
        new("HELD-HOURS", g => g.HeldHours.ToString(CultureInfo.InvariantCulture)),
        new("IDLE-HOURS", g => g.IdleHours.ToString(CultureInfo.InvariantCulture)),
        new("MAX-EFFICIENCY", g => Percent(g.MaxHourlyEfficiency)),
    ];

    /// <summary>The statement's rows in the API CSV's order: each department's (or pool's) lines then its totals, the province's total last.</summary>
    public static IReadOnlyList<StatementRow> Rows(Statement s)
    {
        var rows = new List<StatementRow>();
        foreach (var d in s.Departments ?? [])
        {
            rows.AddRange(d.Lines.Select(l => new StatementRow("line", d.Pool, d.Tenant, l, l.Amount)));
            rows.Add(new StatementRow("total", d.Pool, d.Tenant, null, d.Total));
        }

        foreach (var p in s.Pools ?? [])
        {
            rows.AddRange(p.Lines.Select(l => new StatementRow("line", p.Pool, "-", l, l.Amount)));
            rows.Add(new StatementRow("pool-total", p.Pool, "-", null, p.Total));
            rows.Add(new StatementRow("subtree-total", p.Pool, "-", null, p.SubtreeTotal));
        }

        rows.Add(new StatementRow("province-total", "-", "-", null, s.Total));
        return rows;
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Quantities and prices as the API gives them, without trailing zeros.</summary>
    private static string Number(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>Yuan to the fen.</summary>
    private static string Yuan(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "-";
}
