using CloudMgmt.Application.Access;
using CloudMgmt.Application.Tree;
using CloudMgmt.Domain.Metering;
using CloudMgmt.Grains;
using CloudMgmt.Grains.Keys;
using CloudMgmt.Metering.Budgets;
using CloudMgmt.Metering.Reports;
using CloudMgmt.Metering.Statements;
using CloudMgmt.Metering.Supervision;

namespace CloudMgmt.Application.Reports;

/// <summary>
/// The reports (efficiency, statements, budgets, supervision), each confined to the caller's part
/// of the tree: an unscoped operator or viewer sees the province, one scoped to a pool the
/// departments and pools of its subtree (totals are theirs), a department its own tenant. Figures
/// outside are simply not in the report, as a pool outside is not in a pool listing. Per-pool views
/// (budgets, a statement by pool) are for operators and viewers. The reports themselves are CloudMgmt.Metering's.
/// </summary>
public sealed class ReportService(
    AccessCheck access, UsageReports usage, StatementService statements, PoolBudgets budgets, SupervisionService supervision)
{
    public MeteringMonth CurrentMonth => statements.CurrentMonth;

    /// <summary>Why a month cannot be reported on; null when it can.</summary>
    public string? Refuse(MeteringMonth month) => statements.Refuse(month);

    public async Task<Outcome<UsageReportResult>> EfficiencyAsync(
        Caller caller, DateTimeOffset from, DateTimeOffset to, ReportBy by, ReportStep step)
    {
        var (scope, refused) = await ScopeAsync(caller, Operations.ReportRead);
        if (refused is not null)
        {
            return refused;
        }

        var (result, invalid) = await usage.BuildAsync(new UsageReportQuery(from, to, by, step, scope.Tenant, scope.Pools));
        return result is null ? Failure.InvalidFields(invalid) : result;
    }

    public async Task<Outcome<Statement>> StatementAsync(Caller caller, MeteringMonth month, bool byPool)
    {
        var (scope, refused) = await ScopeAsync(caller, byPool ? Operations.PoolReportRead : Operations.ReportRead);
        if (refused is not null)
        {
            return refused;
        }

        var statement = await statements.BuildAsync(month, scope.Tenant);
        if (scope.Pools is null)
        {
            return statement;
        }

        var departments = statement.Departments.Where(d => scope.IncludesPool(d.Pool)).ToList();
        return statement with
        {
            Departments = departments,
            Pools = statement.Pools.Where(p => scope.IncludesPool(p.Pool)).ToList(),
            Total = departments.Sum(d => d.Total),
        };
    }

    public async Task<Outcome<IReadOnlyList<PoolBudget>>> BudgetsAsync(Caller caller, MeteringMonth month)
    {
        var (scope, refused) = await ScopeAsync(caller, Operations.PoolReportRead);
        if (refused is not null)
        {
            return refused;
        }

        return (await budgets.ForAsync(month)).Where(b => scope.IncludesPool(b.Pool)).ToList();
    }

    public async Task<Outcome<SupervisionResult>> SupervisionAsync(Caller caller, MeteringMonth month)
    {
        var (scope, refused) = await ScopeAsync(caller, Operations.ReportRead);
        if (refused is not null)
        {
            return refused;
        }

        var result = await supervision.BuildAsync(month, scope.Tenant);
        return scope.Pools is null ? result : result with
        {
            Departments = result.Departments.Where(d => scope.IncludesPool(d.Pool)).ToList(),
            LowEfficiencyGrants = result.LowEfficiencyGrants.Where(g => scope.IncludesPool(g.Pool)).ToList(),
        };
    }

    /// <summary>The caller's scope, or the refusal (recorded) when its role may not read this.</summary>
    private async Task<(ReportScope Scope, Failure? Refused)> ScopeAsync(Caller caller, Operation operation)
    {
        if (await access.RoleAsync(caller, operation, Resource.WholeTree()) is { } refused)
        {
            return (ReportScope.Everything, refused);
        }

        var principal = caller.Principal;
        if (principal.Role == ApiRole.Department)
        {
            return (new ReportScope(principal.Tenant ?? "", null), null);
        }

        if (principal.Pool is not { } pool)
        {
            return (ReportScope.Everything, null);
        }

        var paths = TreeLookup.Paths(await access.Tree.Catalog.ListPools());
        return (new ReportScope(null, paths.Where(p => p.Value.Contains(pool, StringComparer.Ordinal)).Select(p => p.Key).ToHashSet(StringComparer.Ordinal)), null);
    }
}
