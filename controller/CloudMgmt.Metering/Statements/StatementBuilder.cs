using CloudMgmt.Domain.Metering;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Policies.Catalogue;

namespace CloudMgmt.Metering.Statements;

/// <summary>A registered cloud as pricing sees it: its labels and region.</summary>
public sealed record PricedCloud(IReadOnlyDictionary<string, string> Labels, string Region);

/// <summary>
/// Prices a month's daily figures (summed per price period, cloud, tenant, pool and resource) with
/// the catalogue. Pure, so that its arithmetic can be checked against an independent computation.
/// </summary>
public static class StatementBuilder
{
    public static (IReadOnlyList<DepartmentStatement> Departments, decimal Total) Price(
        MeteringMonth month, ServiceCatalogue catalogue, IReadOnlyList<DateOnly> periodStarts, IEnumerable<DaySum> sums,
        IReadOnlyDictionary<string, PricedCloud> clouds, IReadOnlyDictionary<string, string?> displayNames)
    {
        var lines = new Dictionary<(string Tenant, string Pool), Dictionary<(string Code, DateOnly From), Pending>>();
        foreach (var s in sums)
        {
            var cloud = clouds.GetValueOrDefault(s.CloudId!);
            var item = cloud is null ? null : catalogue.ItemFor(s.Resource, cloud.Labels, cloud.Region);
            var price = item?.PriceOn(periodStarts[s.Bucket]);
            var code = price is null ? Unpriced(s.Resource) : item!.Code;
            // One line per service and price: the periods in which its own price stays the same are one line.
            var from = price is null || price.From < month.FirstDay ? month.FirstDay : price.From;
            var department = lines.TryGetValue((s.Tenant!, s.Pool!), out var d) ? d : lines[(s.Tenant!, s.Pool!)] = [];
            var pending = department.TryGetValue((code, from), out var p) ? p : department[(code, from)] = new Pending(price is null ? null : item, s.Resource, price?.Yuan);
            pending.GrantedMs += s.GrantedMs;
            pending.UsedMs += s.UsedMs;
        }

        var departments = lines
            .Select(d =>
            {
                var priced = d.Value.OrderBy(l => l.Key.Code, StringComparer.Ordinal).ThenBy(l => l.Key.From)
                    .Select(l => Line(month, catalogue.ChargeBasis, l.Key.From, l.Key.Code, l.Value)).ToList();
                return new DepartmentStatement(d.Key.Tenant, displayNames.GetValueOrDefault(d.Key.Tenant), d.Key.Pool, priced, priced.Sum(l => l.Amount));
            })
            .OrderBy(d => d.Pool, StringComparer.Ordinal).ThenBy(d => d.Tenant, StringComparer.Ordinal)
            .ToList();
        return (departments, departments.Sum(d => d.Total));
    }

    /// <summary>The charged amount: quantity × unit price, rounded half away from zero to the fen, once.</summary>
    public static decimal Amount(long unitMs, decimal unitPrice, long msPerUnit) =>
        Math.Round(unitMs * unitPrice / msPerUnit, 2, MidpointRounding.AwayFromZero);

    /// <summary>Milliseconds per priced unit: an hour, or the whole month for monthly prices.</summary>
    public static long MsPerUnit(PriceUnit unit, MeteringMonth month) =>
        unit == PriceUnit.Month ? MeteringCalendar.HoursIn(month) * MeteringCalendar.MsPerHour : MeteringCalendar.MsPerHour;

    private static StatementLine Line(MeteringMonth month, ChargeBasis basis, DateOnly from, string code, Pending p)
    {
        var unit = p.Item?.Unit ?? PriceUnit.Hour;
        var perUnit = MsPerUnit(unit, month);
        var charged = basis == ChargeBasis.Used ? p.UsedMs : p.GrantedMs;
        var next = p.Item?.Prices.FirstOrDefault(x => x.From > from)?.From;
        var to = next is { } n && n <= month.LastDay ? n.AddDays(-1) : month.LastDay;
        return new StatementLine(code, p.Item?.NameEn ?? $"{p.Resource} (no price)", p.Item?.NameZh ?? $"{p.Resource}（无定价）", p.Resource, unit,
            from, to, Quantity(p.GrantedMs, perUnit), Quantity(p.UsedMs, perUnit), p.Price,
            p.Price is { } price ? Amount(charged, price, perUnit) : 0m);
    }

    private static decimal Quantity(long unitMs, long perUnit) => Math.Round((decimal)unitMs / perUnit, 6, MidpointRounding.AwayFromZero);

    private static string Unpriced(string resource) => "UNPRICED:" + resource;

    private sealed class Pending(ServiceItem? item, string resource, decimal? price)
    {
        public ServiceItem? Item { get; } = item;

        public string Resource { get; } = resource;

        public decimal? Price { get; } = price;

        public long GrantedMs { get; set; }

        public long UsedMs { get; set; }
    }
}
