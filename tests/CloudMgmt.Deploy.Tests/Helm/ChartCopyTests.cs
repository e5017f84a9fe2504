using CloudMgmt.Deploy.Tests.Infrastructure;
using CloudMgmt.Deploy.Tests.Prometheus;

namespace CloudMgmt.Deploy.Tests.Helm;

/// <summary>
/// Helm reads nothing outside the chart, so the chart keeps copies of the placement policy and the
/// rules under files/. These tests fail when a copy drifts from its source.
/// </summary>
[Collection(DeployToolsCollection.Name)]
public sealed class ChartCopyTests(DeployTools tools)
{
    private static string PlacementSource => RepoPaths.Of("policies", "placement", "default.yaml");

    [Fact]
    public void ChartFiles_PlacementPolicyCopy_EqualsPoliciesDefault()
    {
        Assert.Equal(File.ReadAllText(PlacementSource), File.ReadAllText(Path.Combine(RepoPaths.ChartDir, "files", "policies", "placement", "default.yaml")));
    }

    [Fact]
    public void ChartFiles_ElasticPolicyCopy_EqualsPoliciesDefault()
    {
        Assert.Equal(File.ReadAllText(RepoPaths.Of("policies", "elastic", "default.yaml")),
            File.ReadAllText(Path.Combine(RepoPaths.ChartDir, "files", "policies", "elastic", "default.yaml")));
    }

    [Fact]
    public async Task Template_PoliciesConfigMap_CarriesTheShippedElasticPolicy_AndTheControllerIsPointedAtIt()
    {
        var rendered = await Chart.Render(tools);

        Assert.Equal(File.ReadAllText(RepoPaths.Of("policies", "elastic", "default.yaml")), Yaml.Entry(Yaml.At(rendered.Single("ConfigMap"), "data"), "elastic.yaml"));
        Assert.Equal("/etc/cloudmgmt/policies/elastic.yaml", Yaml.Text(rendered.EnvVar("Elastic__PolicyFile"), "value"));
    }

    [Fact]
    public void ChartFiles_RulesCopy_EqualsShippedRules()
    {
        Assert.Equal(File.ReadAllText(RulesFile.ShippedPath), File.ReadAllText(Path.Combine(RepoPaths.ChartDir, "files", RulesFile.FileName)));
    }

    [Fact]
    public async Task Template_PoliciesConfigMap_CarriesTheShippedPlacementPolicy()
    {
        var rendered = await Chart.Render(tools);

        Assert.Equal(File.ReadAllText(PlacementSource), Yaml.Entry(Yaml.At(rendered.Single("ConfigMap"), "data"), "placement.yaml"));
    }

    [Fact]
    public async Task Template_PrometheusRule_SpecIsTheShippedRules()
    {
        var rendered = await Chart.Render(tools, "--set", "metrics.prometheusRule.enabled=true");

        var spec = Yaml.At(rendered.Single("PrometheusRule"), "spec");
        var shipped = Yaml.Parse(File.ReadAllText(RulesFile.ShippedPath));
        Assert.Equal(Canonical(shipped), Canonical(spec));
    }

    [Fact]
    public async Task Template_PlacementPolicyChanged_ChangesThePodChecksumSoSilosRoll()
    {
        var before = await Chart.Render(tools);
        var after = await Chart.Render(tools, "--set", "policies.placement=apiVersion: cloudmgmt.io/v1");

        Assert.Equal("apiVersion: cloudmgmt.io/v1\n", Yaml.Entry(Yaml.At(after.Single("ConfigMap"), "data"), "placement.yaml"));
        Assert.NotEqual(Checksum(before), Checksum(after));
    }

    private static string? Checksum(Rendered rendered) => Yaml.Text(rendered.Workload, "spec.template.metadata.annotations.checksum/policies");

    private static string Canonical(object? node) => new YamlDotNet.Serialization.SerializerBuilder().Build().Serialize(node);
}
