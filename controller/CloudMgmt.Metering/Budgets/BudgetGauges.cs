using CloudMgmt.Grains.Usage;
using CloudMgmt.Metering.Statements;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Prometheus;

namespace CloudMgmt.Metering.Budgets;

/// <summary>
/// The budget gauges (names and labels as in deploy/prometheus/METRICS.md): per pool that has a
/// budget or spend this month, the spend to date and the month-end forecast
/// (<c>cloudmgmt_pool_spend_yuan{pool, period}</c>, period month_to_date or month_forecast) and the
/// budget (<c>cloudmgmt_pool_budget_yuan{pool}</c>). Labels are bounded by the pools. Refreshed every
/// Metering:BudgetRefresh (default 5 minutes) rather than per scrape: a statement reads a month of
/// daily figures. Every silo computes the same figures from the shared store.
/// </summary>
internal sealed partial class BudgetGauges(
    PoolBudgets budgets, StatementService statements, Microsoft.Extensions.Options.IOptions<MeteringScheduleOptions> schedule, IHostApplicationLifetime lifetime, ILogger<BudgetGauges> logger)
    : BackgroundService
{
    public static readonly Gauge Spend = Metrics.CreateGauge(
        "cloudmgmt_pool_spend_yuan", "Spend of a pool's subtree in the current month, priced from the service catalogue: to date (closed hours) and forecast for the month's end.",
        "pool", "period");

    public static readonly Gauge Budget = Metrics.CreateGauge(
        "cloudmgmt_pool_budget_yuan", "A pool's budget for the current month (covering its subtree), from the service catalogue.", "pool");

    private readonly HashSet<string> _pools = new(StringComparer.Ordinal);

    /// <summary>Computes the current month's figures and sets the gauges; pools no longer listed lose their series.</summary>
    public async Task RefreshAsync()
    {
        var current = await budgets.ForAsync(statements.CurrentMonth);
        lock (_pools)
        {
            foreach (var gone in _pools.Except(current.Select(b => b.Pool)).ToList())
            {
                Spend.RemoveLabelled(gone, "month_to_date");
                Spend.RemoveLabelled(gone, "month_forecast");
                Budget.RemoveLabelled(gone);
                _pools.Remove(gone);
            }

            foreach (var b in current)
            {
                Spend.WithLabels(b.Pool, "month_to_date").Set((double)b.SpendToDate);
                Spend.WithLabels(b.Pool, "month_forecast").Set((double)b.Forecast);
                if (b.Budget is { } amount)
                    Budget.WithLabels(b.Pool).Set((double)amount);
                else
                    Budget.RemoveLabelled(b.Pool);
                _pools.Add(b.Pool);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = schedule.Value.BudgetRefresh;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken); // the silo is up: grain calls work
        }

        using var timer = new PeriodicTimer(every);
        do
        {
            try
            {
                await RefreshAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRefreshFailed(logger, e); // the last figures stay; the next refresh tries again
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "Refreshing the pool budget gauges failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
