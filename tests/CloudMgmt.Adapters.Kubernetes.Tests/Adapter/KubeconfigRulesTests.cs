using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CloudMgmt.Adapters.Kubernetes.Tests.FakeApi;

namespace CloudMgmt.Adapters.Kubernetes.Tests.Adapter;

/// <summary>
/// A kubeconfig is a credential, not a program: exec plugins and auth-providers are refused (the
/// library would run the plugin while merely reading the kubeconfig), files it names are read only
/// inside the credentials directory under the rules of file: references, and turning off the
/// server's certificate check needs allowInsecureEndpoint. Each refusal is a problem under
/// credentialsRef naming the field, at registration and, for a stored registration, as the reason
/// the cloud is unhealthy.
/// </summary>
public sealed class KubeconfigRulesTests : IAsyncLifetime
{
    private readonly TempDirectory _outside = new("cloudmgmt-kube-outside");
    private FakeCluster _cluster = null!;

    private string Marker => Path.Combine(_outside.Path, "the-plugin-ran");

    public async Task InitializeAsync()
    {
        _cluster = await FakeCluster.StartAsync();
        Directory.CreateDirectory(_outside.Path);
        File.WriteAllText(Path.Combine(_outside.Path, "outside.pem"), "-----BEGIN PRIVATE KEY-----\nOUTSIDE-SECRET\n-----END PRIVATE KEY-----\n");
        File.CreateSymbolicLink(Path.Combine(_cluster.Kubeconfig.Directory, "leaving.pem"), Path.Combine(_outside.Path, "outside.pem"));
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _outside.Dispose();
    }

    private KubernetesAdapterFactory Factory => new(TimeProvider.System, _cluster.Kubeconfig.Credentials);

    /// <summary>A kubeconfig for the fake API server with these user and cluster fields (YAML flow mappings' insides).</summary>
    private CloudConnection Registration(string user, string cluster = "", bool allowInsecure = true, string server = "")
    {
        var url = server.Length > 0 ? server : _cluster.Api.BaseAddress.ToString().TrimEnd('/');
        var path = _cluster.Kubeconfig.Write($"probe-{Guid.NewGuid():N}.kubeconfig", string.Join('\n',
            "apiVersion: v1",
            "kind: Config",
            $"clusters: [{{name: c, cluster: {{server: \"{url}\" {cluster}}}}}]",
            $"users: [{{name: probe-user, user: {{ {user} }}}}]",
            "contexts: [{name: x, context: {cluster: c, user: probe-user}}]",
            "current-context: x"));
        return new CloudConnection("probe-k8s", KubernetesAdapter.KindName, null, "anhui", "file:" + Path.GetFileName(path), new Dictionary<string, string>())
        {
            AllowInsecureEndpoint = allowInsecure,
        };
    }

    [Fact]
    public async Task Validate_ExecPlugin_RefusedNamingExec_AndTheProgramNeverRuns()
    {
        var registration = Registration($$"""exec: {apiVersion: client.authentication.k8s.io/v1, command: /usr/bin/touch, args: ["{{Marker}}"]}""");

        var problem = Assert.Single(Factory.Validate(registration));
        var health = (await Factory.Create(registration).CheckHealthAsync(default)).Unwrap();

        Assert.Equal("credentialsRef", problem.Field);
        Assert.Contains("user 'probe-user' has an exec credential plugin (users[].user.exec)", problem.Message, StringComparison.Ordinal);
        Assert.False(health.Healthy);
        Assert.Contains("exec credential plugin", health.Detail, StringComparison.Ordinal);
        Assert.False(File.Exists(Marker), "the exec plugin ran inside the test process");
    }

    [Theory]
    [InlineData("gcp", "{cmd-path: /usr/bin/touch, cmd-args: MARKER, access-token: t}")]
    [InlineData("oidc", "{client-id: c, idp-issuer-url: 'http://127.0.0.1:9', id-token: t, refresh-token: r}")]
    [InlineData("azure", "{access-token: t, expires-on: '1', tenant-id: x, client-id: c, apiserver-id: a, refresh-token: r}")]
    public async Task Validate_AuthProvider_RefusedNamingAuthProvider_AndNothingRuns(string name, string config)
    {
        var registration = Registration($"auth-provider: {{name: {name}, config: {config.Replace("MARKER", Marker, StringComparison.Ordinal)}}}");

        var problem = Assert.Single(Factory.Validate(registration));
        var call = await Factory.Create(registration).DescribeCapacityAsync(default);

        Assert.Equal("credentialsRef", problem.Field);
        Assert.Contains("has an auth-provider (users[].user.auth-provider)", problem.Message, StringComparison.Ordinal);
        Assert.Contains("auth-provider", call.Error!.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Marker), "the auth-provider's command ran inside the test process");
        Assert.Empty(_cluster.Api.Requests); // no token was fetched or sent anywhere
    }

    public static TheoryData<string, string, string, string> FilesOutside() => new()
    {
        { "client-certificate: /etc/ssl/certs/ca-certificates.crt, client-key: k.pem", "", "client-certificate", "is outside the credentials directory" },
        { "client-certificate-data: Y2VydA==, client-key: /proc/self/environ", "", "client-key", "is outside the credentials directory" },
        { "token: t", ", certificate-authority: /etc/passwd", "certificate-authority", "is outside the credentials directory" },
        { "tokenFile: /etc/shadow", "", "tokenFile", "is outside the credentials directory" },
        { "tokenFile: ../../../../../../etc/passwd", "", "tokenFile", "is outside the credentials directory" },
        { "client-certificate-data: Y2VydA==, client-key: leaving.pem", "", "client-key", "leads outside the credentials directory through a symbolic link" },
        { "token: t", ", certificate-authority: /dev/zero", "certificate-authority", "is outside the credentials directory" },
    };

    [Theory]
    [MemberData(nameof(FilesOutside))]
    public void Validate_FileOutsideTheCredentialsDirectory_RefusedNamingTheFieldNotItsContent(string user, string cluster, string field, string why)
    {
        var problems = Factory.Validate(Registration(user, cluster));

        var problem = Assert.Single(problems, p => p.Message.StartsWith($"{field} of the kubeconfig's", StringComparison.Ordinal));
        Assert.Equal("credentialsRef", problem.Field);
        Assert.Contains(why, problem.Message, StringComparison.Ordinal);
        foreach (var content in new[] { "OUTSIDE-SECRET", "root:", "PATH=", "BEGIN CERTIFICATE" })
        {
            Assert.DoesNotContain(content, problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Create_TokenFileInsideTheDirectory_ReadUnderTheFileRules_AndTheCloudAnswers()
    {
        _cluster.Kubeconfig.Write("api-token", _cluster.Api.Token + "\n");
        var registration = Registration("tokenFile: api-token");

        Assert.Empty(Factory.Validate(registration));
        var health = (await Factory.Create(registration).CheckHealthAsync(default)).Unwrap();

        Assert.True(health.Healthy, health.Detail); // the fake API server takes its own token only
    }

    [Fact]
    public void Validate_CertificateFilesInsideTheDirectory_PutInlineAndLoadable()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=cloudmgmt-test", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(1));
        _cluster.Kubeconfig.Write("client.crt", certificate.ExportCertificatePem());
        _cluster.Kubeconfig.Write("client.key", key.ExportPkcs8PrivateKeyPem());
        _cluster.Kubeconfig.Write("ca.crt", certificate.ExportCertificatePem());

        var problems = Factory.Validate(Registration("client-certificate: client.crt, client-key: client.key", ", certificate-authority: ca.crt",
            allowInsecure: false, server: "https://127.0.0.1:9"));

        Assert.Empty(problems); // the client was made: the certificate, its key and the authority loaded from the inlined files
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 0)]
    public void Validate_InsecureSkipTlsVerify_RefusedUnlessTheCloudAllowsAnInsecureEndpoint(bool allowInsecure, int expected)
    {
        var problems = Factory.Validate(Registration("token: t", ", insecure-skip-tls-verify: true", allowInsecure, server: "https://127.0.0.1:9"));

        Assert.Equal(expected, problems.Count);
        Assert.All(problems, p => Assert.Contains("insecure-skip-tls-verify", p.Message, StringComparison.Ordinal));
    }
}
