using CloudMgmt.Adapters.Kubernetes.Connection;

namespace CloudMgmt.Adapters.Kubernetes;

/// <summary>
/// Makes Kubernetes adapters. The cloud's <c>credentialsRef</c> names a kubeconfig
/// (<c>file:NAME</c> or <c>env:NAME</c>, confined by the <see cref="CredentialsResolver"/>); its
/// <c>endpoint</c>, when set, overrides the kubeconfig's server; its settings are described on
/// <see cref="KubernetesSettings"/>. A registration with problems still gets an adapter, one whose
/// every call fails with them, so that the controller shows the cloud unhealthy instead of failing.
/// </summary>
public sealed class KubernetesAdapterFactory(TimeProvider time, CredentialsResolver credentials) : ICloudAdapterFactory
{
    public string Kind => KubernetesAdapter.KindName;

    public IReadOnlyList<RegistrationProblem> Validate(CloudConnection connection) => Prepare(connection).Problems;

    public ICloudAdapter Create(CloudConnection connection)
    {
        var (problems, settings, config) = Prepare(connection);
        return problems.Count > 0 || config is null
            ? RegistrationProblem.Unusable(Kind, problems)
            : new KubernetesAdapter(new k8s.Kubernetes(config), settings, connection.Region ?? "default", time);
    }

    public Task<ConnectionProbe> ProbeAsync(CloudConnection connection, CancellationToken cancellationToken) =>
        ConnectionProbe.RunAsync(Create(connection), cancellationToken);

    private (List<RegistrationProblem> Problems, KubernetesSettings Settings, k8s.KubernetesClientConfiguration? Config) Prepare(CloudConnection connection)
    {
        var problems = new List<RegistrationProblem>();
        var reader = new SettingsReader(connection.Settings, problems);
        var settings = KubernetesSettings.Read(reader);
        reader.Finish();
        var config = KubernetesConnection.Prepare(connection, settings, credentials, problems);
        return (problems, settings, config);
    }
}
