using CloudMgmt.Deploy.Tests.Infrastructure;
using YamlDotNet.Serialization;

namespace CloudMgmt.Deploy.Tests.Prometheus;

/// <summary>
/// The unit tests really depend on each alert: with the alert's expression made to never fire, its
/// firing test fails; made to always fire, its not-firing test fails.
/// </summary>
[Collection(DeployToolsCollection.Name)]
public sealed class RuleTestSensitivityTests(DeployTools tools)
{
    public static TheoryData<string> AlertNames() => [.. RulesFile.Load().Alerts.Select(a => a.Name)];

    [Theory]
    [MemberData(nameof(AlertNames))]
    public async Task TestRules_AlertThatNeverFires_FiringTestFails(string alert)
    {
        var result = await RunTestsWithExpr(alert, _ => "vector(1) == 2");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"alertname: {alert}", result.StandardError);
    }

    [Theory]
    [MemberData(nameof(AlertNames))]
    public async Task TestRules_AlertThatAlwaysFires_NotFiringTestFails(string alert)
    {
        var result = await RunTestsWithExpr(alert, _ => "vector(1)");

        Assert.NotEqual(0, result.ExitCode);
        var quietGroups = RuleTestFiles.AlertCases().Where(c => c.AlertName == alert && c.ExpectedAlerts == 0).Select(c => c.Group).Distinct();
        Assert.Contains(quietGroups, group => result.StandardError.Contains($"name: {group},", StringComparison.Ordinal));
    }

    private async Task<ProcessResult> RunTestsWithExpr(string alert, Func<string, string> rewrite)
    {
        var work = Directory.CreateTempSubdirectory("cloudmgmt-rules-");
        try
        {
            var rules = (Dictionary<object, object?>)Yaml.Parse(File.ReadAllText(RulesFile.ShippedPath))!;
            var rule = Yaml.Maps(rules, "groups").SelectMany(g => Yaml.Maps(g, "rules")).Single(r => Yaml.Text(r, "alert") == alert);
            rule["expr"] = rewrite((string)rule["expr"]!);
            File.WriteAllText(Path.Combine(work.FullName, RulesFile.FileName), new SerializerBuilder().Build().Serialize(rules));

            var files = RuleTestFiles.AlertCases().Where(c => c.AlertName == alert).Select(c => c.TestFile).Distinct().ToList();
            Directory.CreateDirectory(Path.Combine(work.FullName, "tests"));
            foreach (var file in files)
            {
                File.Copy(Path.Combine(RepoPaths.PrometheusDir, file), Path.Combine(work.FullName, file));
            }

            return await tools.RunPromtool(work.FullName, ["test", "rules", .. files]);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
