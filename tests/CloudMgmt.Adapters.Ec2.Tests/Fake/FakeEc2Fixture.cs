using System.Text.Json;

namespace CloudMgmt.Adapters.Ec2.Tests.Fake;

/// <summary>A fake EC2 endpoint for one test class, and adapters made by the production factory against it.</summary>
public sealed class FakeEc2Fixture : IAsyncLifetime
{
    public const string Region = "test-1";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cloudmgmt-ec2-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The credentials directory of this fixture: references are confined to it, as the controller's are to its own.</summary>
    public string Folder => _folder;

    /// <summary>The resolver the production factory gets, confined to <see cref="Folder"/>.</summary>
    public CredentialsResolver Credentials => new(new CredentialsOptions { Directory = _folder });

    public FakeEc2Server Server { get; private set; } = null!;

    public FakeEc2State State => Server.State;

    /// <summary>A file: reference to the fake's key pair as JSON, as an operator would mount it.</summary>
    public string CredentialsRef { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FakeEc2Server.StartAsync();
        Directory.CreateDirectory(_folder);
        CredentialsRef = "file:" + WriteSecret("keys.json",
            JsonSerializer.Serialize(new { accessKeyId = State.AccessKeyId, secretAccessKey = State.SecretAccessKey }));
    }

    /// <summary>Writes a secret into the fixture's folder and returns its path.</summary>
    public string WriteSecret(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The fake listens on plain http on loopback, so its clouds allow an insecure endpoint.</summary>
    public ICloudAdapter Adapter(IReadOnlyDictionary<string, string>? settings = null, string? credentialsRef = null, string? endpoint = null) =>
        new Ec2AdapterFactory(TimeProvider.System, Credentials).Create(Connection(settings, credentialsRef, endpoint));

    public CloudConnection Connection(IReadOnlyDictionary<string, string>? settings = null, string? credentialsRef = null, string? endpoint = null) =>
        new("ec2-test", "ec2", endpoint ?? Server.Url, Region, credentialsRef ?? CredentialsRef, settings ?? new Dictionary<string, string>())
        {
            AllowInsecureEndpoint = true,
        };

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
