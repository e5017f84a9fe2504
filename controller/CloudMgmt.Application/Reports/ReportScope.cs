namespace CloudMgmt.Application.Reports;

/// <summary>
/// Whose figures a caller may see in a report: everything (an unscoped operator or viewer), one
/// tenant's (a department: its own), or those of the pools of a subtree (a caller scoped to a pool).
/// </summary>
/// <param name="Tenant">The only tenant shown; "" for a department bound to none, which sees nothing.</param>
/// <param name="Pools">The only pools shown: the caller's pool and every pool below it.</param>
public sealed record ReportScope(string? Tenant, IReadOnlySet<string>? Pools)
{
    public static readonly ReportScope Everything = new(null, null);

    public bool Includes(string tenant, string pool) =>
        (Tenant is null || string.Equals(Tenant, tenant, StringComparison.Ordinal)) && (Pools is null || Pools.Contains(pool));

    public bool IncludesPool(string pool) => Pools is null || Pools.Contains(pool);
}
