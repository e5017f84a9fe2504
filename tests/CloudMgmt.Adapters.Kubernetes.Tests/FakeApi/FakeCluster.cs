using CloudMgmt.Adapters.Kubernetes.Grants;

namespace CloudMgmt.Adapters.Kubernetes.Tests.FakeApi;

/// <summary>The fake API server with the fixture cluster, a kubeconfig for it, and adapters made by the production factory.</summary>
internal sealed class FakeCluster : IAsyncDisposable
{
    private FakeCluster(FakeKubeApi api)
    {
        Api = api;
        Kubeconfig = new Kubeconfig(api.BaseAddress, api.Token);
    }

    public FakeKubeApi Api { get; }

    public Kubeconfig Kubeconfig { get; }

    public static async Task<FakeCluster> StartAsync()
    {
        var api = await FakeKubeApi.StartAsync();
        ClusterFixture.Seed(api.Store);
        return new FakeCluster(api);
    }

    /// <summary>An adapter exactly as the controller makes it: the factory, a credentials reference to the kubeconfig, a context.</summary>
    public ICloudAdapter Adapter(IReadOnlyDictionary<string, string>? settings = null, TimeProvider? time = null, string? credentialsRef = null)
    {
        var all = new Dictionary<string, string> { ["context"] = Kubeconfig.Context };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        // The fake API server listens on plain http on loopback, so its clouds allow an insecure endpoint.
        return new KubernetesAdapterFactory(time ?? TimeProvider.System, Kubeconfig.Credentials).Create(
            new CloudConnection("sector-k8s", KubernetesAdapter.KindName, null, "anhui", credentialsRef ?? Kubeconfig.CredentialsRef, all)
            {
                AllowInsecureEndpoint = true,
            });
    }

    public static string NamespaceOf(string tenantId) => KubeNames.Namespace("cm", tenantId);

    public async ValueTask DisposeAsync()
    {
        Kubeconfig.Dispose();
        await Api.DisposeAsync();
    }
}
