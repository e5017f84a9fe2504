using CloudMgmt.Domain.Metering;
using CloudMgmt.Policies.Catalogue;

namespace CloudMgmt.Metering.Statements;

/// <summary>
/// One statement line: a service at one unit price, over the days of the month that price was in
/// force (from the first to the last, inclusive): a price change in the middle of the month splits its service in two lines.
/// Quantities are exact (unit-hours, or unit-months for monthly prices) from the metered
/// millisecond integrals; the amount is the charged quantity × unit price, rounded once, to the fen.
/// A line without a price (no service matches the cloud, or its price starts later) has a null price and a zero amount.
/// </summary>
public sealed record StatementLine(
    string Code, string NameEn, string NameZh, string Resource, PriceUnit Unit, DateOnly From, DateOnly To,
    decimal GrantedQuantity, decimal UsedQuantity, decimal? UnitPrice, decimal Amount);

/// <summary>A department's (tenant's) part of the statement.</summary>
public sealed record DepartmentStatement(string Tenant, string? DisplayName, string Pool, IReadOnlyList<StatementLine> Lines, decimal Total);

/// <summary>
/// A pool's figures: lines summed over the departments in it (amounts are sums of the departments'
/// rounded amounts), its own departments' total, and the total of its whole subtree.
/// </summary>
public sealed record PoolStatement(string Pool, string? Parent, IReadOnlyList<StatementLine> Lines, decimal Total, decimal SubtreeTotal, int Departments);

/// <param name="ClosedThrough">The figures cover closed hours up to this time (the month's end once it is over).</param>
public sealed record Statement(
    MeteringMonth Month, string Catalogue, ChargeBasis Basis, DateTimeOffset From, DateTimeOffset To, DateTimeOffset ClosedThrough,
    IReadOnlyList<DepartmentStatement> Departments, IReadOnlyList<PoolStatement> Pools, decimal Total)
{
    public const string Rounding =
        "Quantities are exact unit-hours (unit-months for monthly prices) from millisecond integrals, shown to 6 decimal places. " +
        "Each line's amount is its charged quantity times its unit price, rounded half away from zero to the fen (0.01 yuan), once. " +
        "A department's total is the sum of its lines; a pool's lines and totals and the province's total are sums of the departments' " +
        "rounded amounts, so they add up to the fen.";
}
