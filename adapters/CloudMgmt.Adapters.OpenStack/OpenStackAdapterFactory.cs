using CloudMgmt.Adapters.OpenStack.Http;
using CloudMgmt.Adapters.OpenStack.Identity;

namespace CloudMgmt.Adapters.OpenStack;

/// <summary>
/// Makes the adapter of one registered OpenStack cloud: <c>endpoint</c> is the Keystone URL (versioned
/// or not), <c>region</c> selects catalog endpoints, <c>credentialsRef</c> names JSON credentials
/// (see <see cref="OpenStackCredentials"/>), and <c>settings</c> are described by <see cref="OpenStackSettings"/>.
/// </summary>
public sealed class OpenStackAdapterFactory(TimeProvider time) : ICloudAdapterFactory
{
    public string Kind => OpenStackAdapter.KindName;

    public ICloudAdapter Create(CloudConnection connection)
    {
        if (string.IsNullOrWhiteSpace(connection.Endpoint))
            return new UnusableAdapter(Kind, AdapterError.Of(AdapterErrorKind.Invalid, "an OpenStack cloud needs its Keystone URL as endpoint"));
        var secret = CredentialsReference.Resolve(connection.CredentialsRef);
        if (!secret.Succeeded)
            return new UnusableAdapter(Kind, secret.Error!);
        var credentials = OpenStackCredentials.Parse(secret.Value!);
        if (!credentials.Succeeded)
            return new UnusableAdapter(Kind, credentials.Error!);
        var settings = OpenStackSettings.From(connection.Settings);
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }) { Timeout = settings.RequestTimeout };
        var keystone = new KeystoneAuthenticator(http, connection.Endpoint, credentials.Value!, time);
        var api = new OpenStackApi(http, keystone, settings, string.IsNullOrWhiteSpace(connection.Region) ? null : connection.Region, time);
        return new OpenStackAdapter(api, settings, time);
    }
}
