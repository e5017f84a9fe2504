using Amazon.EC2;
using Amazon.Runtime;
using CloudMgmt.Adapters.Ec2.Api;
using CloudMgmt.Adapters.Ec2.Catalogue;
using CloudMgmt.Adapters.Ec2.Grants;

namespace CloudMgmt.Adapters.Ec2;

/// <summary>
/// Makes EC2 adapters. The registered cloud's <c>endpoint</c> is the service URL (EC2-compatible
/// clouds are not AWS; without one, the AWS endpoint of <c>region</c> is used), <c>region</c> signs
/// the requests, and <c>credentialsRef</c> names the access key pair. The SDK gets explicit
/// credentials, a fixed region and no retries of its own (the controller's pipeline retries), so
/// it never probes the environment or instance metadata. Settings: see <see cref="Ec2Settings"/>.
/// </summary>
public sealed class Ec2AdapterFactory(TimeProvider time) : ICloudAdapterFactory
{
    public const string KindName = "ec2";

    public string Kind => KindName;

    public ICloudAdapter Create(CloudConnection connection)
    {
        var settings = Ec2Settings.Parse(connection.Settings);
        var credentials = settings.Succeeded ? Ec2Credentials.From(connection.CredentialsRef) : settings.Error!;
        if (!credentials.Succeeded)
        {
            return new UnusableAdapter(KindName, credentials.Error!);
        }

        if (string.IsNullOrWhiteSpace(connection.Region))
        {
            return new UnusableAdapter(KindName, AdapterError.Of(AdapterErrorKind.Invalid, "EC2: the cloud has no region (it signs every request)"));
        }

        var config = new AmazonEC2Config
        {
            MaxErrorRetry = 0,
            Timeout = settings.Value!.Timeout,
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

        var api = new Ec2Api(new AmazonEC2Client(credentials.Value!.ToAws(), config), credentials.Value!, settings.Value.PageSize);
        return new Ec2Adapter(api, new InstanceCatalogue(api, settings.Value.Zones, settings.Value.CatalogueLifetime, time),
            new GrantApplier(api, new InstancePolicy(settings.Value), settings.Value), settings.Value, connection.Region);
    }
}
