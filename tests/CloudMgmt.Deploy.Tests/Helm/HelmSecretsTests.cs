using System.Text.RegularExpressions;
using CloudMgmt.Deploy.Tests.Infrastructure;

namespace CloudMgmt.Deploy.Tests.Helm;

/// <summary>Secrets reach the pods by reference only: the chart renders no Secret and takes no secret value.</summary>
[Collection(DeployToolsCollection.Name)]
public sealed partial class HelmSecretsTests(DeployTools tools)
{
    public static TheoryData<string[]> ValueSets() => new()
    {
        Array.Empty<string>(),
        new[] { "--values", Chart.ProductionValues },
    };

    [Theory]
    [MemberData(nameof(ValueSets))]
    public async Task Template_AnyValues_RendersNoSecretObject(string[] values)
    {
        var rendered = await Chart.Render(tools, values);

        Assert.DoesNotContain("Secret", rendered.Kinds);
    }

    [Theory]
    [MemberData(nameof(ValueSets))]
    public async Task Template_EnvThatLooksSecret_ComesFromSecretKeyRef(string[] values)
    {
        var rendered = await Chart.Render(tools, values);

        var secretLooking = rendered.Env.Where(e => SecretName().IsMatch(Yaml.Text(e, "name")!)).ToList();
        Assert.Contains(secretLooking, e => Yaml.Text(e, "name") == "Cluster__ConnectionString");
        Assert.Contains(secretLooking, e => Yaml.Text(e, "name") == "CLOUDMGMT_ADMIN_TOKEN");
        Assert.All(secretLooking, e =>
        {
            Assert.Null(Yaml.At(e, "value"));
            Assert.NotNull(Yaml.Text(e, "valueFrom.secretKeyRef.name"));
            Assert.NotNull(Yaml.Text(e, "valueFrom.secretKeyRef.key"));
        });
    }

    [Fact]
    public async Task Template_ProductionValues_ReferencesTheSecretsNamedInValues()
    {
        var rendered = await Chart.Render(tools, "--values", Chart.ProductionValues);

        Assert.Equal(("cloudmgmt-postgres", "connectionString"), SecretRef(rendered.EnvVar("Cluster__ConnectionString")));
        Assert.Equal(("cloudmgmt-admin-token", "token"), SecretRef(rendered.EnvVar("CLOUDMGMT_ADMIN_TOKEN")));
    }

    [Fact]
    public async Task Template_CloudCredentials_MountedReadOnlyAsFilesNamedAfterEachCloud()
    {
        var rendered = await Chart.Render(tools,
            "--set", "cloudCredentials[0].name=anhui-openstack", "--set", "cloudCredentials[0].secretName=os-creds", "--set", "cloudCredentials[0].key=clouds.yaml",
            "--set", "cloudCredentials[1].name=hefei-k8s", "--set", "cloudCredentials[1].secretName=k8s-creds", "--set", "cloudCredentials[1].key=kubeconfig");

        var mount = Assert.Single(Yaml.Maps(rendered.Container, "volumeMounts"), m => Yaml.Text(m, "name") == "cloud-credentials");
        Assert.Equal(("/var/lib/cloudmgmt/credentials", "true"), (Yaml.Text(mount, "mountPath"), Yaml.Text(mount, "readOnly")));
        var volume = Assert.Single(Yaml.Maps(rendered.Workload, "spec.template.spec.volumes"), v => Yaml.Text(v, "name") == "cloud-credentials");
        var files = Yaml.Maps(volume, "projected.sources")
            .SelectMany(s => Yaml.Maps(s, "secret.items").Select(i => (Yaml.Text(s, "secret.name"), Yaml.Text(i, "key"), Yaml.Text(i, "path"))))
            .ToList();
        Assert.Equal([("os-creds", "clouds.yaml", "anhui-openstack"), ("k8s-creds", "kubeconfig", "hefei-k8s")], files);
    }

    [Theory]
    [InlineData("database.connectionString=Host=pg;Password=hunter2")]
    [InlineData("adminToken.value=s3cret")]
    [InlineData("cloudCredentials[0].password=s3cret")]
    public async Task Template_PlaintextSecretInValues_RejectedBySchema(string assignment)
    {
        var result = await Chart.Template(tools, "--set", assignment);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("schema", result.StandardError);
    }

    private static (string?, string?) SecretRef(Dictionary<object, object?> env) =>
        (Yaml.Text(env, "valueFrom.secretKeyRef.name"), Yaml.Text(env, "valueFrom.secretKeyRef.key"));

    [GeneratedRegex("TOKEN|PASSWORD|SECRET|CONNECTIONSTRING|CREDENTIAL", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
