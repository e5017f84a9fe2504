using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CloudMgmt.Security.Tests.Infrastructure;

namespace CloudMgmt.Security.Tests.Clouds;

/// <summary>
/// A controller holding secrets an attacker wants, and an attacker's listener on loopback:
/// <list type="bullet">
/// <item>another cloud ("other", EC2) registered with its key pair in <c>env:CLOUDMGMT_CLOUD_OTHER</c>;</item>
/// <item>an unprefixed variable and a file outside the credentials directory, each holding a secret;</item>
/// <item>in the credentials directory: a symbolic link to that outside file, a FIFO, and the attacker's own
/// (allowed) credentials for each kind, whose kubeconfig names the listener as its server.</item>
/// </list>
/// Every secret is in <see cref="ProbeTarget.Secrets"/>, so no answer, log line or listener record may carry one.
/// </summary>
public sealed class CloudTarget : ProbeTarget, IAsyncLifetime
{
    public const string OtherVariable = "CLOUDMGMT_CLOUD_OTHER";
    public const string PlainVariable = "PROBE_PLAIN_SECRET";

    private readonly TempDirectory _outside = new("cloudmgmt-security-outside");
    private readonly string _otherKey = "AKIAOTHER" + Guid.NewGuid().ToString("N")[..11].ToUpperInvariant();
    private readonly string _otherSecret = "other-secret-" + Guid.NewGuid().ToString("N");
    private readonly string _plainSecret = "plain-secret-" + Guid.NewGuid().ToString("N");
    private readonly string _fileSecret = "file-secret-" + Guid.NewGuid().ToString("N");

    public LoopbackListener Listener { get; } = new();

    public string CredentialsDirectory => Path.Combine(DataDir, "credentials");

    protected override IReadOnlyDictionary<string, string?> ControllerEnvironment => new Dictionary<string, string?>
    {
        [OtherVariable] = JsonSerializer.Serialize(new { accessKeyId = _otherKey, secretAccessKey = _otherSecret }),
        [PlainVariable] = _plainSecret,
    };

    /// <summary>Before the controller starts: the secrets, the listener and the credentials directory's contents.</summary>
    private void Prepare()
    {
        foreach (var secret in new[] { _otherKey, _otherSecret, _plainSecret, _fileSecret })
        {
            Secrets.Add(secret);
        }

        Listener.Start();
        Directory.CreateDirectory(CredentialsDirectory);
        Directory.CreateDirectory(_outside.Path);
        var outsideFile = Path.Combine(_outside.Path, "secret.txt");
        File.WriteAllText(outsideFile, _fileSecret);
        File.CreateSymbolicLink(Path.Combine(CredentialsDirectory, "leaving"), outsideFile);
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(CredentialsDirectory, "fifo")))
        {
            mkfifo.WaitForExit();
        }

        File.WriteAllText(Path.Combine(CredentialsDirectory, "attacker-ec2.json"), """{"accessKeyId":"AKIAATTACKER000","secretAccessKey":"attackers-own"}""");
        foreach (var name in new[] { "attacker-openstack.json", "attacker-openstack-try.json" })
        {
            File.WriteAllText(Path.Combine(CredentialsDirectory, name), """{"username":"attacker","password":"attackers-own","projectName":"x"}""");
        }

        File.WriteAllText(Path.Combine(CredentialsDirectory, "attacker.kubeconfig"), $$$"""
            apiVersion: v1
            kind: Config
            clusters: [{name: c, cluster: {server: "{{{Listener.Url}}}"}}]
            users: [{name: u, user: {token: attackers-own}}]
            contexts: [{name: x, context: {cluster: c, user: u}}]
            current-context: x
            """);
    }

    public new async Task InitializeAsync()
    {
        Prepare();
        await base.InitializeAsync();
        await Operator.Post("/api/v1/clouds", new
        {
            id = "other", kind = "ec2", region = "cn-north-1", endpoint = "https://ec2.other-sector.example", credentialsRef = "env:" + OtherVariable,
        }).Expect(HttpStatusCode.Created);
    }

    /// <summary>No request the listener received carries any secret of the controller.</summary>
    public void AssertListenerGotNoSecret()
    {
        foreach (var request in Listener.Received)
        {
            Secrets.AssertAbsent(request, "a request to the attacker's listener");
        }
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Listener.DisposeAsync();
        _outside.Dispose();
    }
}
