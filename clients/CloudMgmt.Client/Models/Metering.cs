namespace CloudMgmt.Client.Models;

/// <summary>A service's name in both languages of the catalogue.</summary>
/// <param name="En">English.</param>
/// <param name="Zh">Chinese.</param>
public sealed record ServiceName(string En, string Zh);

/// <summary>One statement line: a service at one unit price, over the days of the month that price was in force.</summary>
/// <param name="Code">The service item's code in the catalogue, e.g. ECS-X86-L3-VCPU.</param>
/// <param name="Name">The service's name.</param>
/// <param name="Resource">The resource it prices (vcpu, memoryGiB, ...).</param>
/// <param name="Unit">unit-hour (a unit held for an hour) or unit-month (held for the whole month).</param>
/// <param name="From">First day of the month this price covers.</param>
/// <param name="To">Last day (inclusive) this price covers.</param>
/// <param name="GrantedQuantity">Granted units × hours (or months), exact.</param>
/// <param name="UsedQuantity">Used units × hours (or months), exact.</param>
/// <param name="UnitPrice">Yuan per unit; null when no service prices this usage.</param>
/// <param name="Amount">Charged quantity × unit price, rounded once to the fen.</param>
/// <param name="Priced">False when no service prices this usage: the amount is 0.</param>
public sealed record StatementLine(
    string Code, ServiceName Name, string Resource, string Unit, DateOnly From, DateOnly To, decimal GrantedQuantity, decimal UsedQuantity,
    decimal? UnitPrice, decimal Amount, bool Priced);

/// <summary>A department's (tenant's) part of a statement.</summary>
/// <param name="Tenant">The department.</param>
/// <param name="DisplayName">Its name for people, when it has one.</param>
/// <param name="Pool">The pool it belongs to.</param>
/// <param name="Lines">Its lines.</param>
/// <param name="Total">The sum of its lines' amounts.</param>
public sealed record StatementDepartment(string Tenant, string? DisplayName, string Pool, IReadOnlyList<StatementLine> Lines, decimal Total);

/// <summary>A pool's part of a statement: its departments' lines summed.</summary>
/// <param name="Pool">The pool.</param>
/// <param name="Parent">Its parent; null for the root.</param>
/// <param name="Departments">How many departments of the pool itself have figures.</param>
/// <param name="Lines">Its own departments' lines, summed per service and price.</param>
/// <param name="Total">The departments of this pool itself.</param>
/// <param name="SubtreeTotal">This pool and every pool below it.</param>
public sealed record StatementPool(string Pool, string? Parent, int Departments, IReadOnlyList<StatementLine> Lines, decimal Total, decimal SubtreeTotal);

/// <summary>A month's showback statement, priced from the service catalogue.</summary>
/// <param name="Month">yyyy-MM.</param>
/// <param name="By">tenant or pool.</param>
/// <param name="Catalogue">The catalogue's name.</param>
/// <param name="Currency">CNY.</param>
/// <param name="ChargeBasis">granted or used: which quantity is charged.</param>
/// <param name="Rounding">The rounding rules, in words.</param>
/// <param name="From">The month's start (in the province's time).</param>
/// <param name="To">The month's end.</param>
/// <param name="ClosedThrough">The figures cover closed hours up to this time (the month's end once it is over).</param>
/// <param name="Departments">Per department (by=tenant); null by pool.</param>
/// <param name="Pools">Per pool (by=pool); null by tenant.</param>
/// <param name="Total">The sum of every department's total shown.</param>
public sealed record Statement(
    string Month, string By, string Catalogue, string Currency, string ChargeBasis, string Rounding, DateTimeOffset From, DateTimeOffset To,
    DateTimeOffset ClosedThrough, IReadOnlyList<StatementDepartment>? Departments, IReadOnlyList<StatementPool>? Pools, decimal Total);

/// <summary>Which statement.</summary>
public sealed record StatementQuery
{
    /// <summary>yyyy-MM (default: the current month, in the province's time).</summary>
    public string? Month { get; init; }

    /// <summary>tenant (default: per department) or pool.</summary>
    public string? By { get; init; }
}

/// <summary>A pool's budget for a month, its spend to date and a month-end forecast.</summary>
/// <param name="Pool">The pool (its budget covers its subtree).</param>
/// <param name="Month">yyyy-MM.</param>
/// <param name="Budget">Yuan, from the service catalogue's budgets; null when the pool has none.</param>
/// <param name="SpendToDate">What its subtree spent in closed hours.</param>
/// <param name="Forecast">Spend to date plus the last whole day's rate for the hours left in the month.</param>
/// <param name="OverBudget">The forecast is above the budget.</param>
/// <param name="ClosedThrough">The spend covers closed hours up to this time.</param>
public sealed record PoolBudget(string Pool, string Month, decimal? Budget, decimal SpendToDate, decimal Forecast, bool OverBudget, DateTimeOffset ClosedThrough);

/// <summary>A grant's month in the supervision report.</summary>
/// <param name="AllocationId">The allocation.</param>
/// <param name="Tenant">Its department.</param>
/// <param name="Pool">Its department's pool.</param>
/// <param name="Cloud">The cloud it was held on.</param>
/// <param name="HeldHours">Hours of the month it was held.</param>
/// <param name="IdleHours">Hours in which even its busiest resource was used at or below the idle threshold.</param>
/// <param name="MaxHourlyEfficiency">Its highest hourly efficiency of the month (busiest resource); null when nothing was granted.</param>
public sealed record GrantUse(string AllocationId, string Tenant, string Pool, string Cloud, int HeldHours, int IdleHours, double? MaxHourlyEfficiency);

/// <summary>One department's month in the supervision report.</summary>
/// <param name="Tenant">The department.</param>
/// <param name="Pool">Its pool.</param>
/// <param name="Efficiency">Used over granted over the month, per resource.</param>
/// <param name="Overall">The mean of the per-resource efficiencies; null when nothing was granted.</param>
/// <param name="RankInPool">1 is the most efficient in its pool; equal figures share a rank.</param>
/// <param name="DepartmentsInPool">How many departments of its pool are ranked.</param>
/// <param name="IdleGrants">Its grants that were idle some hours, the longest first.</param>
/// <param name="IdleGrantHours">Their idle hours, summed.</param>
/// <param name="Reclaimed">Capacity reclaimed from it for idling, per resource.</param>
/// <param name="LowEfficiencyGrants">How many of its grants stayed under the low-efficiency threshold all month.</param>
public sealed record DepartmentSupervision(
    string Tenant, string Pool, IReadOnlyDictionary<string, double> Efficiency, double? Overall, int? RankInPool, int DepartmentsInPool,
    IReadOnlyList<GrantUse> IdleGrants, int IdleGrantHours, IReadOnlyDictionary<string, long> Reclaimed, int LowEfficiencyGrants);

/// <summary>The monthly supervision report.</summary>
/// <param name="Month">yyyy-MM.</param>
/// <param name="IdleThreshold">An hour is idle when its busiest resource's efficiency is at or below this.</param>
/// <param name="LowEfficiencyThreshold">A grant whose hourly efficiency never reached this all month is listed as low-efficiency.</param>
/// <param name="Departments">Per department, by pool and rank.</param>
/// <param name="LowEfficiencyGrants">The grants whose efficiency stayed under the threshold all month.</param>
public sealed record SupervisionReport(
    string Month, double IdleThreshold, double LowEfficiencyThreshold, IReadOnlyList<DepartmentSupervision> Departments, IReadOnlyList<GrantUse> LowEfficiencyGrants);
