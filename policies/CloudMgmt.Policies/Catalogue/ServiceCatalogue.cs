using CloudMgmt.Domain.Metering;

namespace CloudMgmt.Policies.Catalogue;

/// <summary>What a unit price is per: one unit held for an hour (vCPU-hour), or for a whole month (storage GiB-month).</summary>
public enum PriceUnit
{
    Hour,
    Month,
}

/// <summary>What is charged: what was granted (held), or what was used of it.</summary>
public enum ChargeBasis
{
    Granted,
    Used,
}

/// <summary>A unit price in yuan from a civil day on (until the next price of the item).</summary>
public sealed record Price(DateOnly From, decimal Yuan);

/// <summary>
/// One service of the catalogue: a code, what resource it prices, in which unit, on which clouds
/// (every label in <see cref="Match"/> must equal the cloud's; the key <c>region</c> is the cloud's
/// region), and its prices over time, ascending.
/// </summary>
public sealed record ServiceItem(
    string Code, string NameEn, string NameZh, string Resource, PriceUnit Unit, IReadOnlyDictionary<string, string> Match, IReadOnlyList<Price> Prices)
{
    /// <summary>The price in force on a day; null before the first.</summary>
    public Price? PriceOn(DateOnly day) => Prices.LastOrDefault(p => p.From <= day);
}

/// <summary>A pool's budget in yuan: one for every month, and any month's own.</summary>
public sealed record Budget(decimal? Monthly, IReadOnlyDictionary<MeteringMonth, decimal> Months)
{
    public decimal? For(MeteringMonth month) => Months.TryGetValue(month, out var own) ? own : Monthly;
}

/// <summary>The priced service catalogue (policies/catalogue/*.yaml): services, the charge basis, and budgets per pool.</summary>
public sealed record ServiceCatalogue(string Name, ChargeBasis ChargeBasis, IReadOnlyList<ServiceItem> Items, IReadOnlyDictionary<string, Budget> Budgets)
{
    public const string ApiVersion = "cloudmgmt.io/v1";
    public const string Kind = "ServiceCatalogue";

    /// <summary>
    /// The service that prices <paramref name="resource"/> on a cloud with these labels and region:
    /// of the items whose labels all match, the one naming the most labels (the most specific);
    /// among equals, the first in the file. Null when none matches (the usage is shown unpriced).
    /// </summary>
    public ServiceItem? ItemFor(string resource, IReadOnlyDictionary<string, string> labels, string region) =>
        Items.Where(i => i.Resource == resource && i.Match.All(m => (m.Key == "region" && !labels.ContainsKey("region") ? region : labels.GetValueOrDefault(m.Key)) == m.Value))
            .Select((item, order) => (item, order))
            .OrderByDescending(x => x.item.Match.Count).ThenBy(x => x.order)
            .Select(x => x.item)
            .FirstOrDefault();

    /// <summary>The days within <paramref name="month"/> on which any price changes, the month's first day first: the month's price periods.</summary>
    public IReadOnlyList<DateOnly> PeriodStarts(MeteringMonth month) =>
        Items.SelectMany(i => i.Prices).Select(p => p.From).Where(d => d > month.FirstDay && d <= month.LastDay)
            .Prepend(month.FirstDay).Distinct().Order().ToList();
}
