using CloudMgmt.Domain.Metering;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Grains.Usage;
using CloudMgmt.Policies.Catalogue;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Metering.Statements;

/// <summary>
/// Showback statements: a month's daily figures priced with the service catalogue, per department,
/// summed into pools and the province. Clouds are priced by their labels as registered now; usage on
/// a cloud no longer registered is shown without a price. <paramref name="Tenant"/> limits a statement to one department.
/// </summary>
public sealed class StatementService(IUsageStore store, ServiceCatalogueSource catalogue, IGrainFactory grains, IOptions<MeteringOptions> options, TimeProvider time)
{
    public MeteringCalendar Calendar { get; } = new(options.Value.UtcOffset);

    public MeteringMonth CurrentMonth => Calendar.MonthOf(MeteringCalendar.HourOf(time.GetUtcNow()));

    /// <summary>Why a month cannot be stated (in the future, or past the daily retention); null when it can.</summary>
    public string? Refuse(MeteringMonth month)
    {
        var kept = MeteringCalendar.MonthOf(Retention.Cutoff(time.GetUtcNow(), options.Value).DailyBefore);
        return month.CompareTo(CurrentMonth) > 0 ? $"{month} has not begun"
            : month.CompareTo(kept) < 0 ? $"daily figures are kept from {kept} (Metering:DailyRetention)"
            : null;
    }

    public async Task<Statement> BuildAsync(MeteringMonth month, string? tenant)
    {
        var (departments, total) = await PriceAsync(month, month.FirstDay, month.Next.FirstDay, tenant);
        var pools = tenant is null ? PoolTotals.Of(departments, await ParentsAsync()) : [];
        var monthStart = Calendar.MonthStart(month);
        var monthEnd = Calendar.MonthStart(month.Next);
        var now = MeteringCalendar.HourStart(MeteringCalendar.HourOf(time.GetUtcNow()));
        return new Statement(month, catalogue.Current.Name, catalogue.Current.ChargeBasis, monthStart, monthEnd, now < monthEnd ? now : monthEnd,
            departments, pools, total);
    }

    /// <summary>The departments' priced figures over days [<paramref name="from"/>, <paramref name="to"/>) of one month.</summary>
    public async Task<(IReadOnlyList<DepartmentStatement> Departments, decimal Total)> PriceAsync(MeteringMonth month, DateOnly from, DateOnly to, string? tenant)
    {
        var c = catalogue.Current;
        var starts = c.PeriodStarts(month);
        var sums = await store.SumDaysAsync(from, to, new DayGrouping(DayBucket.Period, true, true, true, starts), tenant);
        var catalog = grains.GetGrain<ICatalogGrain>(CatalogGrain.Key);
        var names = (await catalog.ListTenants()).ToDictionary(t => t.Id, t => t.DisplayName, StringComparer.Ordinal);
        return StatementBuilder.Price(month, c, starts, sums, await CloudsAsync(), names);
    }

    public async Task<IReadOnlyDictionary<string, string?>> ParentsAsync() =>
        (await grains.GetGrain<ICatalogGrain>(CatalogGrain.Key).ListPools()).ToDictionary(p => p.Id, p => p.Parent, StringComparer.Ordinal);

    private async Task<Dictionary<string, PricedCloud>> CloudsAsync()
    {
        var clouds = new Dictionary<string, PricedCloud>(StringComparer.Ordinal);
        foreach (var id in await grains.GetGrain<ICloudDirectoryGrain>(CloudDirectoryGrain.Key).List())
        {
            if (await grains.GetGrain<ICloudGrain>(id).Get() is { } view)
            {
                clouds[id] = new PricedCloud(view.Spec.Labels, view.Spec.Region);
            }
        }

        return clouds;
    }
}
