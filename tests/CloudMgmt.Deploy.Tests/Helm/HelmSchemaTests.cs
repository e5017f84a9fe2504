using CloudMgmt.Deploy.Tests.Infrastructure;

namespace CloudMgmt.Deploy.Tests.Helm;

/// <summary>values.schema.json rejects bad values before anything renders, and the chart refuses an unsafe shutdown.</summary>
[Collection(DeployToolsCollection.Name)]
public sealed class HelmSchemaTests(DeployTools tools)
{
    [Theory]
    [InlineData("replicaCount=two", "/replicaCount")]
    [InlineData("replicaCount=0", "/replicaCount")]
    [InlineData("workload.kind=DaemonSet", "/workload/kind")]
    [InlineData("service.port=70000", "/service/port")]
    [InlineData("database.existingSecret=Not_A_Name", "/database/existingSecret")]
    [InlineData("metrics.serviceMonitor.interval=often", "/metrics/serviceMonitor/interval")]
    [InlineData("metrics.serviceMonitor.bearerTokenSecret.name=Not_A_Name", "/metrics/serviceMonitor/bearerTokenSecret/name")]
    public async Task Template_BadValue_RejectedBySchemaNamingTheField(string assignment, string field)
    {
        var result = await Chart.Template(tools, "--set", assignment);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("schema", result.StandardError);
        Assert.Contains(field, result.StandardError);
    }

    [Fact]
    public async Task Template_ShutdownTimeoutNotBelowGracePeriod_Fails()
    {
        var result = await Chart.Template(tools, "--set", "cluster.shutdownTimeoutSeconds=60", "--set", "terminationGracePeriodSeconds=60");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("shutdownTimeoutSeconds must be less than terminationGracePeriodSeconds", result.StandardError);
    }

    [Fact]
    public async Task Template_DrainDelayNotBelowShutdownTimeout_Fails()
    {
        var result = await Chart.Template(tools, "--set", "cluster.drainDelaySeconds=45", "--set", "cluster.shutdownTimeoutSeconds=45");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("drainDelaySeconds must be less than cluster.shutdownTimeoutSeconds", result.StandardError);
    }

    [Theory]
    [InlineData("values.yaml")]
    [InlineData("values-production.yaml")]
    public void Schema_EveryValueInFile_IsDescribed(string file)
    {
        var schema = ValuesSchema.Load();
        var values = Yaml.Parse(File.ReadAllText(Path.Combine(RepoPaths.ChartDir, file)));

        var undescribed = schema.UndescribedPaths(values).ToList();

        Assert.True(undescribed.Count == 0, "values without a schema description: " + string.Join(", ", undescribed));
    }
}
