using CloudMgmt.Deploy.Tests.Infrastructure;

namespace CloudMgmt.Deploy.Tests.Prometheus;

/// <summary>The shipped rules pass promtool's checks and their unit tests, and every alert is tested both ways.</summary>
[Collection(DeployToolsCollection.Name)]
public sealed class PromtoolRulesTests(DeployTools tools)
{
    [Fact]
    public async Task CheckRules_ShippedRules_SucceedsAndCountsEveryRule()
    {
        var rules = RulesFile.Load();

        var result = await tools.RunPromtool(RepoPaths.PrometheusDir, "check", "rules", RulesFile.FileName);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"SUCCESS: {rules.Alerts.Count + rules.Recordings.Count} rules found", result.Combined);
    }

    [Fact]
    public async Task TestRules_ShippedUnitTests_EveryFileSucceeds()
    {
        var files = RuleTestFiles.RelativePaths();

        var result = await tools.RunPromtool(RepoPaths.PrometheusDir, ["test", "rules", .. files]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var blocks = PromtoolOutput.BlocksByFile(result.StandardOutput);
        Assert.Equal(files.Order(StringComparer.Ordinal), blocks.Keys.Order(StringComparer.Ordinal));
        Assert.All(blocks, b => Assert.True(PromtoolOutput.Succeeded(b.Value), b.Value));
    }

    [Fact]
    public async Task TestRules_EveryAlert_HasFiringAndNotFiringTestsThatPromtoolReportsPassed()
    {
        var alerts = RulesFile.Load().Alerts;
        var cases = RuleTestFiles.AlertCases();
        var result = await tools.RunPromtool(RepoPaths.PrometheusDir, ["test", "rules", .. RuleTestFiles.RelativePaths()]);
        var blocks = PromtoolOutput.BlocksByFile(result.StandardOutput);

        Assert.NotEmpty(alerts);
        Assert.All(alerts, alert =>
        {
            var (fires, staysQuiet, files) = RuleTestFiles.Coverage(cases, alert.Name);
            Assert.True(fires, $"{alert.Name}: no test expects it to fire");
            Assert.True(staysQuiet, $"{alert.Name}: no test group expects it not to fire");
            Assert.All(files, file =>
            {
                Assert.True(blocks.TryGetValue(file, out var block), $"promtool output does not name {file}:\n{result}");
                Assert.True(PromtoolOutput.Succeeded(block), block);
            });
        });
    }
}
