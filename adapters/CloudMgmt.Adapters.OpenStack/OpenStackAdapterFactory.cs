using CloudMgmt.Adapters.OpenStack.Http;
using CloudMgmt.Adapters.OpenStack.Identity;

namespace CloudMgmt.Adapters.OpenStack;

/// <summary>
/// Makes the adapter of one registered OpenStack cloud: <c>endpoint</c> is the Keystone URL (versioned
/// or not, https unless the cloud allows an insecure endpoint), <c>region</c> selects catalog
/// endpoints, <c>credentialsRef</c> names JSON credentials (see <see cref="OpenStackCredentials"/>),
/// and <c>settings</c> are described by <see cref="OpenStackSettings"/>.
/// </summary>
public sealed class OpenStackAdapterFactory(TimeProvider time, CredentialsResolver credentials) : ICloudAdapterFactory
{
    /// <summary>
    /// Largest answer read from a service (a large cloud's resource-provider list is a few MB); a
    /// setting of the factory so that tests can show the cap with small bodies.
    /// </summary>
    public long MaxAnswerBytes { get; init; } = AnswerLimit.DefaultMaxBytes;

    public string Kind => OpenStackAdapter.KindName;

    public IReadOnlyList<RegistrationProblem> Validate(CloudConnection connection) => Prepare(connection).Problems;

    public ICloudAdapter Create(CloudConnection connection)
    {
        var (problems, settings, identity) = Prepare(connection);
        if (problems.Count > 0 || identity is null)
            return RegistrationProblem.Unusable(Kind, problems);
        // No redirects: a redirected POST /auth/tokens would carry the password to wherever the answer pointed.
        // A bounded answer: a hostile or broken endpoint cannot fill memory with one endless body.
        var http = new HttpClient(BoundedAnswerHandler.OverSockets(MaxAnswerBytes)) { Timeout = settings.RequestTimeout };
        var keystone = new KeystoneAuthenticator(http, connection.Endpoint!, identity, settings.AllowInsecureEndpoint, time);
        var api = new OpenStackApi(http, keystone, settings, string.IsNullOrWhiteSpace(connection.Region) ? null : connection.Region, time);
        return new OpenStackAdapter(api, settings, time);
    }

    public Task<ConnectionProbe> ProbeAsync(CloudConnection connection, CancellationToken cancellationToken) =>
        ConnectionProbe.RunAsync(Create(connection), cancellationToken);

    private (List<RegistrationProblem> Problems, OpenStackSettings Settings, OpenStackCredentials? Identity) Prepare(CloudConnection connection)
    {
        var problems = new List<RegistrationProblem>();
        var identity = credentials.Resolve(connection.CredentialsRef, OpenStackCredentials.Parse, problems);
        EndpointRule.CheckEndpoint(connection, required: true, problems);
        var reader = new SettingsReader(connection.Settings, problems);
        var settings = OpenStackSettings.Read(reader, connection.AllowInsecureEndpoint);
        reader.Finish();
        return (problems, settings, identity);
    }
}
