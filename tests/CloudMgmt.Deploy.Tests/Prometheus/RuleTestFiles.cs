using CloudMgmt.Deploy.Tests.Infrastructure;

namespace CloudMgmt.Deploy.Tests.Prometheus;

/// <summary>One `alert_rule_test` case: at eval_time, the alert should have these many instances firing.</summary>
internal sealed record AlertCase(string TestFile, string Group, string AlertName, int ExpectedAlerts);

/// <summary>The promtool unit-test files under deploy/prometheus/tests, read as data.</summary>
internal static class RuleTestFiles
{
    public static string Dir => Path.Combine(RepoPaths.PrometheusDir, "tests");

    /// <summary>Paths relative to deploy/prometheus, as promtool is given (and prints) them.</summary>
    public static IReadOnlyList<string> RelativePaths() =>
        Directory.GetFiles(Dir, "*.yaml").Order(StringComparer.Ordinal).Select(p => Path.Combine("tests", Path.GetFileName(p))).ToList();

    public static IReadOnlyList<AlertCase> AlertCases() =>
        RelativePaths().SelectMany(relative =>
            Yaml.Maps(Yaml.Parse(File.ReadAllText(Path.Combine(RepoPaths.PrometheusDir, relative))), "tests").SelectMany(group =>
                Yaml.Maps(group, "alert_rule_test").Select(c => new AlertCase(
                    relative, Yaml.Text(group, "name") ?? "", Yaml.Text(c, "alertname") ?? "", Yaml.List(c, "exp_alerts").Count))))
        .ToList();

    /// <summary>Whether some test group expects the alert to fire, and some other group only ever expects it not to.</summary>
    public static (bool Fires, bool StaysQuiet, IReadOnlyList<string> Files) Coverage(IReadOnlyList<AlertCase> cases, string alert)
    {
        var mine = cases.Where(c => c.AlertName == alert).ToList();
        var fires = mine.Any(c => c.ExpectedAlerts > 0);
        var quiet = mine.GroupBy(c => (c.TestFile, c.Group)).Any(g => g.All(c => c.ExpectedAlerts == 0));
        return (fires, quiet, mine.Select(c => c.TestFile).Distinct().ToList());
    }
}
