using System.Text.RegularExpressions;
using CloudMgmt.Domain.Metering;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Policies.Loading;

namespace CloudMgmt.Policies.Catalogue;

/// <summary>
/// Reads the service catalogue from YAML and validates all of it, reporting every problem with the
/// path of the field at fault (e.g. <c>spec.items[2].prices[1].from</c>).
/// </summary>
public static partial class ServiceCatalogueLoader
{
    /// <summary>Unit prices may be fractions of a fen (a GiB-hour of memory costs less than one); amounts are rounded to the fen.</summary>
    public const int PricePlaces = 6;

    public static (ServiceCatalogue? Catalogue, IReadOnlyList<string> Errors) Load(string yaml)
    {
        var (root, error) = PolicyYaml.Root(yaml, "catalogue");
        if (root is null)
        {
            return (null, [error!]);
        }

        var errors = new PolicyErrors();
        var top = new PolicyNode(root, "", errors);
        top.Allow("apiVersion", "kind", "metadata", "spec");
        top.Expect("apiVersion", ServiceCatalogue.ApiVersion);
        top.Expect("kind", ServiceCatalogue.Kind);
        var name = top.Map("metadata")?.Text("name", required: true) ?? "";
        if (top.Map("spec") is not { } spec)
        {
            return (null, errors.All);
        }

        spec.Allow("chargeBasis", "items", "budgets");
        var basis = spec.Text("chargeBasis", required: false) switch
        {
            null or "granted" => ChargeBasis.Granted,
            "used" => ChargeBasis.Used,
            var other => Bad<ChargeBasis>(spec, "chargeBasis", $"must be granted or used, not '{other}'"),
        };
        var items = spec.List("items", required: true).Select(ReadItem).OfType<ServiceItem>().ToList();
        if (spec.List("items", required: false).Count == 0)
        {
            spec.Error("items", "name at least one service");
        }

        CheckUnique(items, spec, errors);
        var budgets = ReadBudgets(spec.Child("budgets"));
        return errors.Count == 0 ? (new ServiceCatalogue(name, basis, items, budgets), []) : (null, errors.All);
    }

    private static ServiceItem? ReadItem(PolicyNode item)
    {
        item.Allow("code", "name", "resource", "unit", "match", "prices");
        var code = item.Text("code", required: true);
        if (code is not null && !CodePattern().IsMatch(code))
        {
            item.Error("code", "must be 1 to 64 capital letters, digits, '.', '_' or '-', starting with a letter or digit");
        }

        var names = item.Map("name");
        names?.Allow("en", "zh");
        var (en, zh) = (names?.Text("en", required: true), names?.Text("zh", required: true));
        var resource = item.Text("resource", required: true);
        if (resource is not null && !ResourceNames.IsValid(resource))
        {
            item.Error("resource", "must be a resource name such as vcpu, memoryGiB, storageGiB or gpu");
        }

        var unit = item.Text("unit", required: false) switch
        {
            null or "hour" => PriceUnit.Hour,
            "month" => PriceUnit.Month,
            var other => Bad<PriceUnit>(item, "unit", $"must be hour or month, not '{other}'"),
        };
        var match = item.Labels("match");
        var prices = item.List("prices", required: true).Select(p =>
        {
            p.Allow("from", "yuan");
            var (from, yuan) = (p.Date("from"), p.Decimal("yuan", PricePlaces, required: true));
            return from is { } f && yuan is { } y ? new Price(f, y) : null;
        }).ToList();
        if (item.List("prices", required: false).Count == 0)
        {
            item.Error("prices", "name at least one price");
        }

        for (var i = 1; i < prices.Count; i++)
        {
            if (prices[i] is { } p && prices[i - 1] is { } before && p.From <= before.From)
            {
                item.Error($"prices[{i}].from", $"must be after the price before it ({before.From:yyyy-MM-dd}): prices are listed in the order they take effect");
            }
        }

        return code is null || en is null || zh is null || resource is null || prices.Any(p => p is null) || prices.Count == 0
            ? null
            : new ServiceItem(code, en, zh, resource, unit, match, prices.Select(p => p!).ToList());
    }

    private static void CheckUnique(List<ServiceItem> items, PolicyNode spec, PolicyErrors errors)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var earlier = items.Take(i).FirstOrDefault(e => e.Code == items[i].Code);
            if (earlier is not null)
            {
                errors.Add(spec.PathOf($"items[{i}].code"), $"'{items[i].Code}' is already the code of another service");
            }

            var same = items.Take(i).FirstOrDefault(e => e.Resource == items[i].Resource && e.Match.Count == items[i].Match.Count
                && e.Match.All(m => items[i].Match.TryGetValue(m.Key, out var v) && v == m.Value));
            if (same is not null)
            {
                errors.Add(spec.PathOf($"items[{i}].match"), $"prices {items[i].Resource} on the same clouds as '{same.Code}': which one applies would be unclear");
            }
        }
    }

    private static Dictionary<string, Budget> ReadBudgets(PolicyNode? budgets)
    {
        var result = new Dictionary<string, Budget>(StringComparer.Ordinal);
        foreach (var pool in budgets?.Keys ?? [])
        {
            if (budgets!.Map(pool) is not { } node)
            {
                continue;
            }

            node.Allow("monthly", "months");
            var monthly = node.Decimal("monthly", 2, required: false);
            var months = new Dictionary<MeteringMonth, decimal>();
            if (node.Child("months") is { } perMonth)
            {
                foreach (var key in perMonth.Keys)
                {
                    if (!MeteringMonth.TryParse(key, out var month))
                        perMonth.Error(key, "must be a month written yyyy-MM");
                    else if (perMonth.Decimal(key, 2, required: true) is { } amount)
                        months[month] = amount;
                }
            }

            if (monthly is null && months.Count == 0)
            {
                node.Error("monthly", "give a monthly budget, or budgets for some months");
            }

            result[pool] = new Budget(monthly, months);
        }

        return result;
    }

    private static T Bad<T>(PolicyNode node, string key, string message)
        where T : struct
    {
        node.Error(key, message);
        return default;
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._-]{0,63}$")]
    private static partial Regex CodePattern();
}
