using CloudMgmt.Deploy.Tests.Infrastructure;

namespace CloudMgmt.Deploy.Tests.Helm;

[Collection(DeployToolsCollection.Name)]
public sealed class HelmLintTests(DeployTools tools)
{
    [Fact]
    public async Task Lint_DefaultValues_Passes()
    {
        var result = await tools.RunHelm("lint", "--strict", RepoPaths.ChartDir);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1 chart(s) linted, 0 chart(s) failed", result.Combined);
    }

    [Fact]
    public async Task Lint_ProductionValues_Passes()
    {
        var result = await tools.RunHelm("lint", "--strict", RepoPaths.ChartDir, "--values", Chart.ProductionValues);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1 chart(s) linted, 0 chart(s) failed", result.Combined);
    }
}
