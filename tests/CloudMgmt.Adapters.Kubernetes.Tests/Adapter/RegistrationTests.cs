using CloudMgmt.Adapters.Kubernetes.Tests.FakeApi;

namespace CloudMgmt.Adapters.Kubernetes.Tests.Adapter;

/// <summary>What the factory says about a registration before anything is stored: every problem at once, under its field.</summary>
public sealed class RegistrationTests : IAsyncLifetime
{
    private FakeCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await FakeCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private KubernetesAdapterFactory Factory => new(TimeProvider.System, _cluster.Kubeconfig.Credentials);

    private CloudConnection Connection(Dictionary<string, string> settings, string? endpoint = null, bool allowInsecure = false, string? reference = null) =>
        new("sector-k8s", KubernetesAdapter.KindName, endpoint, "anhui", reference ?? _cluster.Kubeconfig.CredentialsRef, settings)
        {
            AllowInsecureEndpoint = allowInsecure,
        };

    [Fact]
    public void Validate_KubeconfigServerOverHttp_RefusedUnlessInsecureIsAllowed()
    {
        var strict = Factory.Validate(Connection(new() { ["context"] = Kubeconfig.Context }));
        var allowed = Factory.Validate(Connection(new() { ["context"] = Kubeconfig.Context }, allowInsecure: true));

        var problem = Assert.Single(strict);
        Assert.Equal("credentialsRef", problem.Field);
        Assert.Contains("server must be https", problem.Message, StringComparison.Ordinal);
        Assert.Empty(allowed);
    }

    [Fact]
    public void Validate_BadSettings_ReportsEveryOneInsteadOfFallingBack()
    {
        var problems = Factory.Validate(Connection(new()
        {
            ["context"] = Kubeconfig.Context, ["namespacePrefix"] = "CM!", ["defaultCpu"] = "lots", ["pageSize"] = "0", ["setLimits"] = "yes",
            ["timeoutSecs"] = "5",
        }, allowInsecure: true));

        Assert.Equal(
            ["settings.defaultCpu", "settings.namespacePrefix", "settings.pageSize", "settings.setLimits", "settings.timeoutSecs"],
            problems.Select(p => p.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_InClusterWithAnEndpoint_RefusedSoThePodsTokenStaysHome()
    {
        var problems = Factory.Validate(Connection(new() { ["inCluster"] = "true" }, endpoint: "https://collector.example", reference: ""));

        Assert.Contains(problems, p => p.Field == "endpoint" && p.Message.Contains("inCluster", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_ReferenceOutsideTheDirectory_UnusableWithTheReasonAndNothingRead()
    {
        var adapter = Factory.Create(Connection(new(), allowInsecure: true, reference: "file:/dev/zero"));

        var health = (await adapter.CheckHealthAsync(default)).Unwrap();
        var call = (await adapter.ListGrantsAsync(default)).Error!;

        Assert.False(health.Healthy);
        Assert.Contains("outside the credentials directory", health.Detail, StringComparison.Ordinal);
        Assert.Equal(AdapterErrorKind.Invalid, call.Kind);
    }
}
