using System.Text.RegularExpressions;
using Amazon.EC2;
using CloudMgmt.Adapters.Ec2.Api;
using CloudMgmt.Adapters.Ec2.Catalogue;
using CloudMgmt.Adapters.Ec2.Grants;

namespace CloudMgmt.Adapters.Ec2;

/// <summary>
/// Makes EC2 adapters. The registered cloud's <c>endpoint</c> is the service URL (EC2-compatible
/// clouds are not AWS; without one, the AWS endpoint of <c>region</c> is used), <c>region</c> signs
/// the requests, and <c>credentialsRef</c> names the access key pair. The SDK gets explicit
/// credentials, a fixed region and no retries of its own (the controller's pipeline retries), so
/// it never probes the environment or instance metadata; its HTTP clients read at most
/// <see cref="MaxAnswerBytes"/> of an answer and follow no redirects. Settings: see <see cref="Ec2Settings"/>.
/// </summary>
public sealed partial class Ec2AdapterFactory(TimeProvider time, CredentialsResolver credentials) : ICloudAdapterFactory
{
    public const string KindName = "ec2";

    public string Kind => KindName;

    /// <summary>Largest answer read from the endpoint; a setting of the factory so that tests can show the cap with small bodies.</summary>
    public long MaxAnswerBytes { get; init; } = AnswerLimit.DefaultMaxBytes;

    public IReadOnlyList<RegistrationProblem> Validate(CloudConnection connection) => Prepare(connection).Problems;

    public ICloudAdapter Create(CloudConnection connection)
    {
        var (problems, settings, keys) = Prepare(connection);
        if (problems.Count > 0)
        {
            return RegistrationProblem.Unusable(KindName, problems);
        }

        var config = new AmazonEC2Config
        {
            MaxErrorRetry = 0,
            Timeout = settings.Timeout,
            HttpClientFactory = new BoundedHttpClients(MaxAnswerBytes),
        };
        if (string.IsNullOrWhiteSpace(connection.Endpoint))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(connection.Region);
        }
        else
        {
            config.ServiceURL = connection.Endpoint;
            config.AuthenticationRegion = connection.Region;
        }

        var api = new Ec2Api(new AmazonEC2Client(keys!.ToAws(), config), keys, settings.PageSize);
        return new Ec2Adapter(api, new InstanceCatalogue(api, settings.Zones, settings.CatalogueLifetime, time),
            new GrantApplier(api, new InstancePolicy(settings), settings), settings, connection.Region!);
    }

    public Task<ConnectionProbe> ProbeAsync(CloudConnection connection, CancellationToken cancellationToken) =>
        ConnectionProbe.RunAsync(Create(connection), cancellationToken);

    private (List<RegistrationProblem> Problems, Ec2Settings Settings, Ec2Credentials? Keys) Prepare(CloudConnection connection)
    {
        var problems = new List<RegistrationProblem>();
        var keys = credentials.Resolve(connection.CredentialsRef, Ec2Credentials.Parse, problems);
        EndpointRule.CheckEndpoint(connection, required: false, problems);
        if (connection.Region is not { Length: <= 64 } || !RegionName().IsMatch(connection.Region))
        {
            // Without an endpoint the region becomes part of the AWS host name: nothing but a plain name may go there.
            problems.Add(new RegistrationProblem("region", "must be an EC2 region name such as cn-north-1 (lower-case letters, digits and '-'; it signs every request)"));
        }

        var reader = new SettingsReader(connection.Settings, problems);
        var settings = Ec2Settings.Read(reader);
        reader.Finish();
        return (problems, settings, keys);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex RegionName();
}
