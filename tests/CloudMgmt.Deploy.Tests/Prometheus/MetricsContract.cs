using System.Text.RegularExpressions;
using CloudMgmt.Deploy.Tests.Infrastructure;

namespace CloudMgmt.Deploy.Tests.Prometheus;

/// <summary>
/// The metric names of deploy/prometheus/METRICS.md (the contract with the controller), and a check
/// that a PromQL expression uses only those and recording rules the rules file defines.
/// </summary>
internal sealed partial class MetricsContract
{
    private readonly Dictionary<string, string> typeByName;

    private MetricsContract(Dictionary<string, string> typeByName) => this.typeByName = typeByName;

    public IReadOnlyCollection<string> Names => typeByName.Keys;

    public static MetricsContract Load()
    {
        var rows = TableRow().Matches(File.ReadAllText(Path.Combine(RepoPaths.PrometheusDir, "METRICS.md")));
        return new MetricsContract(rows.ToDictionary(m => m.Groups["name"].Value, m => m.Groups["type"].Value));
    }

    /// <summary>Every name in the expression that is neither in the contract nor a defined recording rule.</summary>
    public IEnumerable<string> UnknownNames(string expr, IReadOnlyDictionary<string, string> recordings)
    {
        foreach (Match raw in RawMetric().Matches(expr))
        {
            if (!IsContractSeries(raw.Value))
            {
                yield return raw.Value;
            }
        }

        foreach (Match recorded in RecordedMetric().Matches(expr))
        {
            if (!recordings.ContainsKey(recorded.Value))
            {
                yield return recorded.Value;
            }
        }
    }

    private bool IsContractSeries(string name)
    {
        if (typeByName.ContainsKey(name))
        {
            return true;
        }

        // A histogram is exported as _bucket, _sum and _count series.
        var suffix = new[] { "_bucket", "_sum", "_count" }.FirstOrDefault(name.EndsWith);
        return suffix is not null && typeByName.TryGetValue(name[..^suffix.Length], out var type) && type == "histogram";
    }

    [GeneratedRegex(@"^\| `(?<name>cloudmgmt_[a-z0-9_]+)` \| (?<type>[a-z]+) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"(?<![:\w])cloudmgmt_[a-z0-9_]+(?![:\w])")]
    private static partial Regex RawMetric();

    [GeneratedRegex(@"[a-z_]+:cloudmgmt_[a-z0-9_]+:[a-z0-9_]+")]
    private static partial Regex RecordedMetric();
}
