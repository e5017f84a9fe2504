using System.Globalization;
using System.Text;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Usage;

namespace CloudMgmt.Host.Reports;

/// <summary>How the efficiency report groups grants.</summary>
internal enum ReportGrouping
{
    Tenant,
    Pool,
    Cloud,
}

/// <summary>One group's figures over the window: mean granted and mean used (time-weighted), their ratio per resource, and what was reclaimed.</summary>
internal sealed record EfficiencyRow(
    string Key, ResourceVector Granted, ResourceVector Used, IReadOnlyDictionary<string, double> Efficiency, ResourceVector Reclaimed, int Grants);

/// <summary>
/// The efficiency report, pure: per-grant means over a window (from each cloud's usage history)
/// summed per tenant, pool or cloud, with efficiency = used / granted per resource, and the
/// capacity reclaimed in the window. Means are rounded to whole units, as resources are counted.
/// </summary>
internal static class EfficiencyReport
{
    public static IReadOnlyList<EfficiencyRow> Build(
        IEnumerable<(string CloudId, GrantUsageAverage Average)> grants, IEnumerable<ReclaimRecord> reclaimed, ReportGrouping by)
    {
        var rows = new Dictionary<string, (ResourceVector Granted, ResourceVector Used, ResourceVector Reclaimed, int Grants)>(StringComparer.Ordinal);
        foreach (var (cloudId, g) in grants)
        {
            var key = by switch { ReportGrouping.Tenant => g.Tenant, ReportGrouping.Pool => g.Pool, _ => cloudId };
            var row = rows.GetValueOrDefault(key, (Granted: ResourceVector.Zero, Used: ResourceVector.Zero, Reclaimed: ResourceVector.Zero, Grants: 0));
            rows[key] = (row.Granted + g.MeanGranted, row.Used + g.MeanUsed, row.Reclaimed, row.Grants + 1);
        }
        foreach (var r in reclaimed)
        {
            var key = by switch { ReportGrouping.Tenant => r.Tenant, ReportGrouping.Pool => r.Pool, _ => r.CloudId };
            var row = rows.GetValueOrDefault(key, (Granted: ResourceVector.Zero, Used: ResourceVector.Zero, Reclaimed: ResourceVector.Zero, Grants: 0));
            rows[key] = (row.Granted, row.Used, row.Reclaimed + r.Reclaimed, row.Grants);
        }
        return rows.OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new EfficiencyRow(r.Key, r.Value.Granted, r.Value.Used, Ratio(r.Value.Used, r.Value.Granted), r.Value.Reclaimed, r.Value.Grants))
            .ToList();
    }

    /// <summary>Used / granted for each resource that was granted; none for a resource not granted (no division by zero).</summary>
    public static IReadOnlyDictionary<string, double> Ratio(ResourceVector used, ResourceVector granted) =>
        granted.Entries.ToDictionary(e => e.Key, e => Math.Round((double)used[e.Key] / e.Value, 4), StringComparer.Ordinal);

    /// <summary>One line per group and resource: by,key,resource,granted,used,efficiency,reclaimed.</summary>
    public static string ToCsv(IReadOnlyList<EfficiencyRow> rows, ReportGrouping by)
    {
        var csv = new StringBuilder("by,key,resource,granted,used,efficiency,reclaimed\n");
        foreach (var row in rows)
        {
            foreach (var resource in row.Granted.Names.Union(row.Reclaimed.Names).Order(StringComparer.Ordinal))
            {
                var efficiency = row.Efficiency.TryGetValue(resource, out var e) ? e.ToString(CultureInfo.InvariantCulture) : "";
                csv.Append(CultureInfo.InvariantCulture, $"{by.ToString().ToLowerInvariant()},{Escape(row.Key)},{resource},{row.Granted[resource]},{row.Used[resource]},{efficiency},{row.Reclaimed[resource]}\n");
            }
        }
        return csv.ToString();
    }

    private static string Escape(string value) => value.Contains(',') || value.Contains('"') ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
