namespace CloudMgmt.Adapters.OpenStack.Tests.Infrastructure;

/// <summary>Adapters made exactly as the controller makes them: through the factory, from a registration.</summary>
public static class OpenStackTestAdapters
{
    public const string CredentialsVariable = "CLOUDMGMT_TEST_OPENSTACK_CREDENTIALS";

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
        return new OpenStackAdapterFactory(time ?? TimeProvider.System)
            .Create(new CloudConnection("openstack-test", "openstack", proxy.IdentityUrl, "RegionOne", CredentialsRef(peer), all));
    }
}
