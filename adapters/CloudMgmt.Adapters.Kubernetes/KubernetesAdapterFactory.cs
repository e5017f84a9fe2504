using CloudMgmt.Adapters.Kubernetes.Connection;

namespace CloudMgmt.Adapters.Kubernetes;

/// <summary>
/// Makes Kubernetes adapters. The cloud's <c>credentialsRef</c> names a kubeconfig
/// (<c>file:NAME</c> or <c>env:NAME</c>, confined by the <see cref="CredentialsResolver"/>, and held
/// to <see cref="KubeconfigRules"/>); its <c>endpoint</c>, when set, overrides the kubeconfig's
/// server; its settings are described on <see cref="KubernetesSettings"/>. The client reads at most
/// <see cref="AnswerLimit.DefaultMaxBytes"/> of any answer. A registration with problems still gets
/// an adapter, one whose every call fails with them, so that the controller shows the cloud
/// unhealthy instead of failing.
/// </summary>
public sealed class KubernetesAdapterFactory(TimeProvider time, CredentialsResolver credentials) : ICloudAdapterFactory
{
    public string Kind => KubernetesAdapter.KindName;

    /// <summary>Largest answer read from the API server; a setting of the factory so that tests can show the cap with small bodies.</summary>
    public long MaxAnswerBytes { get; init; } = AnswerLimit.DefaultMaxBytes;

    public IReadOnlyList<RegistrationProblem> Validate(CloudConnection connection)
    {
        var (problems, _, client) = Prepare(connection);
        client?.Dispose();
        return problems;
    }

    public ICloudAdapter Create(CloudConnection connection)
    {
        var (problems, settings, client) = Prepare(connection);
        if (problems.Count > 0 || client is null)
        {
            client?.Dispose();
            return RegistrationProblem.Unusable(Kind, problems);
        }

        return new KubernetesAdapter(client, settings, connection.Region ?? "default", time);
    }

    public Task<ConnectionProbe> ProbeAsync(CloudConnection connection, CancellationToken cancellationToken) =>
        ConnectionProbe.RunAsync(Create(connection), cancellationToken);

    private (List<RegistrationProblem> Problems, KubernetesSettings Settings, k8s.Kubernetes? Client) Prepare(CloudConnection connection)
    {
        var problems = new List<RegistrationProblem>();
        var reader = new SettingsReader(connection.Settings, problems);
        var settings = KubernetesSettings.Read(reader);
        reader.Finish();
        var config = KubernetesConnection.Prepare(connection, settings, credentials, problems);
        var client = config is null ? null : KubernetesConnection.Open(config, MaxAnswerBytes, problems);
        return (problems, settings, client);
    }
}
