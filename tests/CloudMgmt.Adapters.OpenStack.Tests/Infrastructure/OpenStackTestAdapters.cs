namespace CloudMgmt.Adapters.OpenStack.Tests.Infrastructure;

/// <summary>Adapters made exactly as the controller makes them: through the factory, from a registration.</summary>
public static class OpenStackTestAdapters
{
    /// <summary>Named with the controller's default prefix for cloud secrets, as an operator's would be.</summary>
    public const string CredentialsVariable = "CLOUDMGMT_CLOUD_TEST_OPENSTACK";

    /// <summary>The resolver the production factory gets; these tests name environment variables only, so its directory stays empty.</summary>
    public static CredentialsResolver Credentials { get; } =
        new(new CredentialsOptions { Directory = Path.Combine(Path.GetTempPath(), "cloudmgmt-openstack-tests", "credentials") });

    public static OpenStackAdapterFactory Factory(TimeProvider? time = null) => new(time ?? TimeProvider.System, Credentials);

    /// <summary>A registration of the test peer, which listens on plain http on 127.0.0.1: its clouds allow an insecure endpoint.</summary>
    public static CloudConnection Connection(string cloudId, string endpoint, string reference, Dictionary<string, string> settings) =>
        new(cloudId, "openstack", endpoint, "RegionOne", reference, settings) { AllowInsecureEndpoint = true };

    /// <summary>The admin credentials in an environment variable, referenced as env:NAME like an operator would.</summary>
    public static string CredentialsRef(OpenStackPeer peer)
    {
        Environment.SetEnvironmentVariable(CredentialsVariable,
            $$"""{"username":"admin","password":"{{peer.AdminPassword}}","userDomainName":"Default","projectName":"admin","projectDomainName":"Default"}""");
        return "env:" + CredentialsVariable;
    }

    /// <summary>An adapter that reaches the peer through the fault proxy.</summary>
    public static ICloudAdapter Create(OpenStackPeer peer, FaultProxy proxy, TimeProvider? time = null, Dictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>
        {
            ["computeEndpoint"] = proxy.ComputeUrl,
            ["placementEndpoint"] = proxy.PlacementUrl,
            ["requestTimeoutSeconds"] = "60",
        };
        foreach (var (k, v) in settings ?? [])
            all[k] = v;
        return Factory(time).Create(Connection("openstack-test", proxy.IdentityUrl, CredentialsRef(peer), all));
    }
}
