using CloudMgmt.Deploy.Tests.Infrastructure;

namespace CloudMgmt.Deploy.Tests.Prometheus;

internal sealed record AlertRule(string Name, string Expr, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations);

/// <summary>The shipped rules file, read as data.</summary>
internal sealed class RulesFile
{
    public const string FileName = "cloudmgmt-rules.yaml";

    private RulesFile(IReadOnlyList<AlertRule> alerts, IReadOnlyDictionary<string, string> recordings)
    {
        Alerts = alerts;
        Recordings = recordings;
    }

    public static string ShippedPath => Path.Combine(RepoPaths.PrometheusDir, FileName);

    public IReadOnlyList<AlertRule> Alerts { get; }

    /// <summary>Recorded series name → expression.</summary>
    public IReadOnlyDictionary<string, string> Recordings { get; }

    public IEnumerable<string> Expressions => Recordings.Values.Concat(Alerts.Select(a => a.Expr));

    public static RulesFile Load() => Parse(File.ReadAllText(ShippedPath));

    public static RulesFile Parse(string text)
    {
        var rules = Yaml.Maps(Yaml.Parse(text), "groups").SelectMany(g => Yaml.Maps(g, "rules")).ToList();
        var alerts = rules.Where(r => r.ContainsKey("alert")).Select(r => new AlertRule(
            Yaml.Text(r, "alert")!, Yaml.Text(r, "expr")!, StringMap(r, "labels"), StringMap(r, "annotations"))).ToList();
        var recordings = rules.Where(r => r.ContainsKey("record")).ToDictionary(r => Yaml.Text(r, "record")!, r => Yaml.Text(r, "expr")!);
        return new RulesFile(alerts, recordings);
    }

    private static Dictionary<string, string> StringMap(Dictionary<object, object?> rule, string key) =>
        (Yaml.At(rule, key) as Dictionary<object, object?> ?? []).ToDictionary(p => (string)p.Key, p => p.Value as string ?? "");
}
