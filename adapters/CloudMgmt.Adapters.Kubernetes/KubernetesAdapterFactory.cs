using CloudMgmt.Adapters.Kubernetes.Connection;

namespace CloudMgmt.Adapters.Kubernetes;

/// <summary>
/// Makes Kubernetes adapters. The cloud's <c>credentialsRef</c> names a kubeconfig
/// (<c>file:/path</c> or <c>env:NAME</c>); its <c>endpoint</c>, when set, overrides the kubeconfig's
/// server; its settings are described on <see cref="KubernetesSettings"/>. A cloud whose kubeconfig
/// cannot be read still gets an adapter, one whose every call fails with the reason, so that the
/// controller shows the cloud unhealthy instead of failing.
/// </summary>
public sealed class KubernetesAdapterFactory(TimeProvider time) : ICloudAdapterFactory
{
    public string Kind => KubernetesAdapter.KindName;

    public ICloudAdapter Create(CloudConnection connection)
    {
        var settings = KubernetesSettings.From(connection.Settings);
        var client = KubernetesConnection.Open(connection, settings);
        return new KubernetesAdapter(client, settings, connection.Region ?? "default", time);
    }
}
