using CloudMgmt.Policies.Catalogue;

namespace CloudMgmt.Metering.Statements;

/// <summary>Sums departments into their pools and up the quota tree. Pure; every amount is a sum of the departments' rounded amounts.</summary>
public static class PoolTotals
{
    public static IReadOnlyList<PoolStatement> Of(IReadOnlyList<DepartmentStatement> departments, IReadOnlyDictionary<string, string?> parents)
    {
        var own = departments.GroupBy(d => d.Pool, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var subtree = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (pool, members) in own)
        {
            var total = members.Sum(d => d.Total);
            // Up the tree; a pool no longer in the catalog (or a loop, which the catalog forbids) stops the walk.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var at = (string?)pool; at is not null && seen.Add(at); at = parents.GetValueOrDefault(at))
            {
                subtree[at] = subtree.GetValueOrDefault(at) + total;
            }
        }

        return subtree.Keys.Order(StringComparer.Ordinal)
            .Select(pool =>
            {
                var members = own.GetValueOrDefault(pool) ?? [];
                var lines = members.SelectMany(d => d.Lines)
                    .GroupBy(l => (l.Code, l.From))
                    .OrderBy(g => g.Key.Code, StringComparer.Ordinal).ThenBy(g => g.Key.From)
                    .Select(g => g.First() with
                    {
                        GrantedQuantity = g.Sum(l => l.GrantedQuantity), UsedQuantity = g.Sum(l => l.UsedQuantity), Amount = g.Sum(l => l.Amount),
                    })
                    .ToList();
                return new PoolStatement(pool, parents.GetValueOrDefault(pool), lines, members.Sum(d => d.Total), subtree[pool], members.Count);
            })
            .ToList();
    }

    /// <summary>The unit of a line, as the CSV and JSON name it.</summary>
    public static string UnitName(PriceUnit unit) => unit == PriceUnit.Month ? "unit-month" : "unit-hour";
}
