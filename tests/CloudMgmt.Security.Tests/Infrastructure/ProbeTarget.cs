using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CloudMgmt.Security.Tests.Infrastructure;

/// <summary>
/// One real controller process per test class (<c>IClassFixture&lt;ProbeTarget&gt;</c>), seeded with
/// <see cref="SeededState"/>, with a client per role. Tests in a class run one after another, so a
/// state fingerprint taken around one probe sees that probe alone. A class that needs other settings
/// derives from this and overrides <see cref="Arguments"/> or <see cref="ControllerEnvironment"/>; a secret it
/// gives the controller goes into <see cref="Secrets"/>, so that every probe checks it never leaks.
/// </summary>
public class ProbeTarget : IAsyncLifetime
{
    private readonly TempDirectory _data = new("cloudmgmt-security");
    private ControllerProcess? _controller;

    public ControllerProcess Controller => _controller ?? throw new InvalidOperationException("the controller has not started");

    public string DataDir => _data.Path;

    /// <summary>Every token this controller knows; none may appear in an answer or in its log, except where a key is issued.</summary>
    public SecretSet Secrets { get; } = new();

    public HttpClient Operator { get; private set; } = null!;

    /// <summary>A department key of <see cref="SeededState.Tenant"/>.</summary>
    public HttpClient Department { get; private set; } = null!;

    public HttpClient Viewer { get; private set; } = null!;

    /// <summary>No Authorization header.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>The seeded allocation of <see cref="SeededState.Tenant"/> and of its sibling.</summary>
    public string TenantAllocation { get; private set; } = "";

    public string SiblingAllocation { get; private set; } = "";

    /// <summary>Command-line settings of the controller; by default no sandbox clouds and no elastic pass, so the state only moves when a test moves it.</summary>
    protected virtual IEnumerable<string> Arguments =>
        ["--Sandbox:RegisterDefaults", "false", "--Elastic:Enabled", "false"];

    /// <summary>Environment variables of the controller (a cloud's secret, say; null removes one); none by default.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ControllerEnvironment { get; } = new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        _controller = await ControllerProcess.StartAsync(_data.Path, ControllerEnvironment, [.. Arguments]);
        Secrets.Add(EmbeddedController.AdminToken);
        Operator = Client(EmbeddedController.AdminToken);
        Anonymous = Client(null);
        var allocations = new List<string>();
        foreach (var (url, body) in SeededState.Requests())
        {
            var created = await Operator.Post(url, body).Expect(HttpStatusCode.Created);
            if (url.EndsWith("/allocations", StringComparison.Ordinal))
            {
                allocations.Add(created.Str("id"));
            }
        }

        (TenantAllocation, SiblingAllocation) = (allocations[0], allocations[1]);
        Department = Client(await IssueKeyAsync(new { role = "department", tenant = SeededState.Tenant, name = "health-portal" }));
        Viewer = Client(await IssueKeyAsync(new { role = "viewer", name = "provincial-auditor" }));
    }

    /// <summary>Issues a key and remembers its token as a secret.</summary>
    public async Task<string> IssueKeyAsync(object body)
    {
        var issued = await Operator.Post("/api/v1/keys", body).Expect(HttpStatusCode.Created);
        return Secrets.Add(issued.Str("token"));
    }

    /// <param name="from">The loopback address the client connects from (127.0.0.2, say), for probes counted per source address; 127.0.0.1 by default.</param>
    public HttpClient Client(string? token, string? from = null)
    {
        var client = new HttpClient(from is null ? new SocketsHttpHandler() : SourceAddress.Handler(from))
        {
            BaseAddress = Controller.BaseAddress, Timeout = TimeSpan.FromSeconds(30),
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A hand-written body sent as the operator; "{alloc}" in <paramref name="url"/> stands for <see cref="TenantAllocation"/>.</summary>
    public Task<HttpResponseMessage> SendAsOperator(string method, string url, string body) =>
        Operator.SendJson(new HttpMethod(method), url.Replace("{alloc}", TenantAllocation, StringComparison.Ordinal), body);

    public Task<StateFingerprint> FingerprintAsync() => StateFingerprint.TakeAsync(Operator);

    /// <summary>
    /// Sends a probe and asserts what every refused probe must show: the expected 4xx as
    /// application/problem+json, the state unchanged, and no secret in the answer or the log.
    /// Returns the problem for further assertions (the field it names, say).
    /// </summary>
    public async Task<JsonNode> RefusesAsync(HttpStatusCode expected, Func<Task<HttpResponseMessage>> probe)
    {
        var before = await FingerprintAsync();
        using var response = await probe();
        var body = await response.Content.ReadAsStringAsync();
        Secrets.AssertAbsent(body, "the answer's body");
        Secrets.AssertAbsent(Headers(response), "the answer's headers");
        Assert.True(response.StatusCode == expected, $"expected {(int)expected} but got {(int)response.StatusCode}: {Shorten(body)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal((int)expected, problem["status"]?.GetValue<int>());
        StateFingerprint.AssertSame(before, await FingerprintAsync());
        Secrets.AssertAbsent(Controller.Log, "the controller's log");
        return problem;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in new[] { Operator, Department, Viewer, Anonymous })
        {
            client?.Dispose();
        }

        if (_controller is not null)
        {
            await _controller.DisposeAsync();
        }

        _data.Dispose();
    }

    private static string Headers(HttpResponseMessage response) =>
        string.Join('\n', response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));

    private static string Shorten(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}
