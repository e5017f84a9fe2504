using CloudMgmt.Domain.Metering;
using CloudMgmt.Metering.Statements;
using CloudMgmt.Policies.Catalogue;

namespace CloudMgmt.Metering.Budgets;

/// <summary>
/// A pool's month: its budget (from the catalogue's budgets, covering the pool's subtree), what its
/// subtree has spent in closed hours, and a month-end forecast: spent so far plus the latest rate for
/// the hours left, the rate being the last whole day's spend (or, on the month's first day, the
/// spend so far over the hours so far).
/// </summary>
public sealed record PoolBudget(string Pool, MeteringMonth Month, decimal? Budget, decimal SpendToDate, decimal Forecast, DateTimeOffset ClosedThrough)
{
    public bool OverBudget => Budget is { } b && Forecast > b;
}

public sealed class PoolBudgets(StatementService statements, ServiceCatalogueSource catalogue)
{
    public async Task<IReadOnlyList<PoolBudget>> ForAsync(MeteringMonth month)
    {
        var statement = await statements.BuildAsync(month, tenant: null);
        var calendar = statements.Calendar;
        var elapsed = (decimal)(statement.ClosedThrough - statement.From).TotalHours;
        var remaining = (decimal)(statement.To - statement.ClosedThrough).TotalHours;
        var lastWholeDay = calendar.DayOf(statement.ClosedThrough).AddDays(-1);
        var rates = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (remaining > 0 && lastWholeDay >= month.FirstDay)
        {
            var (day, _) = await statements.PriceAsync(month, lastWholeDay, lastWholeDay.AddDays(1), tenant: null);
            foreach (var pool in PoolTotals.Of(day, await statements.ParentsAsync()))
            {
                rates[pool.Pool] = pool.SubtreeTotal / 24;
            }
        }

        var spent = statement.Pools.ToDictionary(p => p.Pool, p => p.SubtreeTotal, StringComparer.Ordinal);
        return spent.Keys.Union(catalogue.Current.Budgets.Keys).Order(StringComparer.Ordinal)
            .Select(pool =>
            {
                var toDate = spent.GetValueOrDefault(pool);
                var rate = rates.TryGetValue(pool, out var r) ? r : elapsed > 0 && lastWholeDay < month.FirstDay ? toDate / elapsed : 0m;
                var forecast = Math.Round(toDate + rate * remaining, 2, MidpointRounding.AwayFromZero);
                return new PoolBudget(pool, month, catalogue.Current.Budgets.GetValueOrDefault(pool)?.For(month), toDate, forecast, statement.ClosedThrough);
            })
            .ToList();
    }
}
