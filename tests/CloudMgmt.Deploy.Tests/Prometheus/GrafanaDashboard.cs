using System.Text.Json;
using CloudMgmt.Deploy.Tests.Infrastructure;

namespace CloudMgmt.Deploy.Tests.Prometheus;

internal sealed record DashboardQuery(string Panel, string Expr);

/// <summary>The shipped Grafana dashboard's panels and their PromQL queries.</summary>
internal static class GrafanaDashboard
{
    public static string ShippedPath => Path.Combine(RepoPaths.PrometheusDir, "grafana-dashboard.json");

    public static IReadOnlyList<DashboardQuery> Queries()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(ShippedPath));
        return Panels(document.RootElement.GetProperty("panels"))
            .SelectMany(panel => panel.TryGetProperty("targets", out var targets)
                ? targets.EnumerateArray().Select(t => new DashboardQuery(panel.GetProperty("title").GetString()!, t.GetProperty("expr").GetString()!))
                : [])
            .ToList();
    }

    /// <summary>The query with the dashboard's variables given concrete values, so Prometheus tools can parse it.</summary>
    public static string Concrete(string expr) =>
        expr.Replace("$resource", "vcpu", StringComparison.Ordinal).Replace("$cloud", ".*", StringComparison.Ordinal);

    private static IEnumerable<JsonElement> Panels(JsonElement panels)
    {
        foreach (var panel in panels.EnumerateArray())
        {
            yield return panel;
            if (panel.TryGetProperty("panels", out var nested))
            {
                foreach (var inner in Panels(nested))
                {
                    yield return inner;
                }
            }
        }
    }
}
