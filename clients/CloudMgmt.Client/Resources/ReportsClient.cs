using CloudMgmt.Client.Http;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Client.Resources;

/// <summary>Reports: <c>/api/v1/reports</c>. Each caller sees its part of the tree (a department key its own tenant).</summary>
public sealed class ReportsClient
{
    private readonly ICloudMgmtApi _api;

    internal ReportsClient(ICloudMgmtApi api) => _api = api;

    /// <summary>Granted, used and efficiency per tenant, pool, cloud or resource over a window, whole or per hour, day or month.</summary>
    public Task<EfficiencyReport> EfficiencyAsync(EfficiencyQuery? query = null, CancellationToken ct = default) =>
        ApiCall.Run(() => _api.EfficiencyReport(query?.From, query?.To, query?.By, query?.Step, ct));

    /// <summary>The same report as CSV, as the server writes it.</summary>
    public Task<string> EfficiencyCsvAsync(EfficiencyQuery? query = null, CancellationToken ct = default) =>
        ApiCall.Run(() => _api.EfficiencyReportCsv(query?.From, query?.To, query?.By, query?.Step, ct));

    /// <summary>
    /// A month's showback statement priced from the service catalogue, per department (the default) or per pool
    /// (operators and viewers). A month not begun or past the daily retention is a validation problem naming <c>month</c>.
    /// </summary>
    public Task<Statement> StatementAsync(StatementQuery? query = null, CancellationToken ct = default) =>
        ApiCall.Run(() => _api.Statement(query?.Month, query?.By, ct));

    /// <summary>The same statement as CSV, as the server writes it: lines, then each department's (or pool's) totals, then the total.</summary>
    public Task<string> StatementCsvAsync(StatementQuery? query = null, CancellationToken ct = default) =>
        ApiCall.Run(() => _api.StatementCsv(query?.Month, query?.By, ct));

    /// <summary>Each pool's budget for a month (yyyy-MM; default the current one), spend to date and month-end forecast (operators and viewers).</summary>
    public Task<IReadOnlyList<PoolBudget>> BudgetsAsync(string? month = null, CancellationToken ct = default) =>
        ApiCall.Run(() => _api.Budgets(month, ct));

    /// <summary>The monthly supervision report (yyyy-MM; default the current month): efficiency, idle grants, reclaims and rank per department.</summary>
    public Task<SupervisionReport> SupervisionAsync(string? month = null, CancellationToken ct = default) =>
        ApiCall.Run(() => _api.Supervision(month, ct));

    /// <summary>The supervision report as CSV, as the server writes it: one line per department.</summary>
    public Task<string> SupervisionCsvAsync(string? month = null, CancellationToken ct = default) =>
        ApiCall.Run(() => _api.SupervisionCsv(month, ct));
}
