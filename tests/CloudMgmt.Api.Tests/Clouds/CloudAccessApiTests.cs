using System.Net;
using System.Text.Json.Nodes;
using CloudMgmt.Api.Tests.Infrastructure;

namespace CloudMgmt.Api.Tests.Clouds;

/// <summary>
/// Clouds through the application layer: each change and each refused attempt leaves exactly one
/// audit record, whose detail never carries how the cloud is reached (not even the credentials
/// reference); only unscoped operators see endpoint, credentialsRef and settings, and only they
/// may change clouds.
/// </summary>
public sealed class CloudAccessApiTests : IAsyncLifetime
{
    private const string Endpoint = "https://k8s-collector.example:6443";
    private readonly ControllerFactory _factory = new();
    private Dictionary<string, HttpClient> _as = [];
    private HttpClient _op = null!;

    private string Credentials => Path.Combine(_factory.DataDir, "credentials");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Credentials);
        foreach (var name in new[] { "first.kubeconfig", "second.kubeconfig" })
        {
            await File.WriteAllTextAsync(Path.Combine(Credentials, name), TestKubeconfigs.ClosedPort);
        }

        _op = _factory.Operator();
        await ApiCalls.SeedAsync(_op, vcpu: 100); // province > city > dept, tenant health
        _as = await ApiCalls.CallersAsync(_op, _factory.WithToken,
            ("viewer", new { role = "viewer" }), ("operator@city", new { role = "operator", pool = "city" }),
            ("viewer@city", new { role = "viewer", pool = "city" }), ("department", new { role = "department", tenant = "health" }));
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    private static object Kube(string id, string reference) =>
        new { id, kind = "kubernetes", region = "anhui", endpoint = Endpoint, credentialsRef = $"file:{reference}", labels = new { tier = "gold" } };

    private async Task<List<JsonNode>> RecordsOf(Func<Task> step)
    {
        var mark = await AuditRecords.MarkAsync(_op);
        await step();
        return await AuditRecords.SinceAsync(_op, mark);
    }

    [Fact]
    public async Task EachChange_LeavesExactlyOneRecord_WithoutHowTheCloudIsReached()
    {
        var changes = new (string Action, int Outcome, Func<Task> Step)[]
        {
            ("cloud.register", 201, () => _op.Post("/api/v1/clouds", Kube("kc", "first.kubeconfig")).Expect(HttpStatusCode.Created)),
            ("cloud.update", 200, () => _op.Patch("/api/v1/clouds/kc", new { labels = new { tier = "silver" }, credentialsRef = "file:second.kubeconfig" })
                .Expect(HttpStatusCode.OK)),
            ("cloud.drain", 200, () => _op.Post("/api/v1/clouds/kc/drain", new { }).Expect(HttpStatusCode.OK)),
            ("cloud.undrain", 200, () => _op.Post("/api/v1/clouds/kc/undrain", new { }).Expect(HttpStatusCode.OK)),
            ("cloud.remove", 204, () => _op.DeleteAsync("/api/v1/clouds/kc").Expect(HttpStatusCode.NoContent)),
        };

        var details = new List<string>();
        foreach (var (action, outcome, step) in changes)
        {
            var record = Assert.Single(await RecordsOf(step));
            Assert.Equal(action, record.Str("action"));
            Assert.Equal("cloud:kc", record.Str("target"));
            Assert.Equal(outcome, record["outcome"]!.GetValue<int>());
            details.Add(record.Str("detail"));
        }

        Assert.Equal("kind 'kubernetes', region 'anhui', labels {tier: 'gold'}; set: endpoint, credentialsRef", details[0]);
        Assert.Equal("labels {tier: 'gold'} → {tier: 'silver'}; credentialsRef changed", details[1]);
        foreach (var detail in details)
        {
            Assert.DoesNotContain("kubeconfig", detail, StringComparison.Ordinal);
            Assert.DoesNotContain("collector", detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RefusedAndFailedAttempts_LeaveOneRecordEach_AndADryRunNone()
    {
        await _op.Post("/api/v1/clouds", Kube("held", "first.kubeconfig")).Expect(HttpStatusCode.Created);
        var attempts = new (string Action, int Outcome, Func<Task> Step)[]
        {
            ("cloud.register", 403, () => _as["operator@city"].Post("/api/v1/clouds", Kube("x", "second.kubeconfig")).Expect(HttpStatusCode.Forbidden)),
            ("cloud.register", 403, () => _as["viewer"].Post("/api/v1/clouds", Kube("x", "second.kubeconfig")).Expect(HttpStatusCode.Forbidden)),
            ("cloud.register", 400, () => _op.Post("/api/v1/clouds", Kube("thief", "first.kubeconfig")).Expect(HttpStatusCode.BadRequest)), // secret held
            ("cloud.register", 400, () => _op.Post("/api/v1/clouds", new { id = "bad", kind = "nope", region = "anhui" }).Expect(HttpStatusCode.BadRequest)),
            ("cloud.register", 409, () => _op.Post("/api/v1/clouds", Kube("held", "second.kubeconfig")).Expect(HttpStatusCode.Conflict)),
            ("cloud.update", 403, () => _as["department"].Patch("/api/v1/clouds/held", new { region = "x" }).Expect(HttpStatusCode.Forbidden)),
            ("cloud.update", 404, () => _op.Patch("/api/v1/clouds/nowhere", new { region = "x" }).Expect(HttpStatusCode.NotFound)),
            ("cloud.update", 400, () => _op.Patch("/api/v1/clouds/held", new { endpoint = "https://elsewhere.example" }).Expect(HttpStatusCode.BadRequest)),
            ("cloud.remove", 403, () => _as["operator@city"].DeleteAsync("/api/v1/clouds/held").Expect(HttpStatusCode.Forbidden)),
            ("cloud.remove", 404, () => _op.DeleteAsync("/api/v1/clouds/nowhere").Expect(HttpStatusCode.NotFound)),
        };

        foreach (var (action, outcome, step) in attempts)
        {
            var record = Assert.Single(await RecordsOf(step));
            Assert.Equal((action, outcome), (record.Str("action"), record["outcome"]!.GetValue<int>()));
            Assert.DoesNotContain("kubeconfig", record["detail"]?.ToString() ?? "", StringComparison.Ordinal);
        }

        Assert.Empty(await RecordsOf(() => _op.Post("/api/v1/clouds?dryRun=true", new { id = "dry", kind = "sandbox", region = "anhui" })
            .Expect(HttpStatusCode.OK)));
        Assert.Equal(HttpStatusCode.NotFound, (await _op.GetAsync("/api/v1/clouds/dry")).StatusCode);
    }

    [Fact]
    public async Task HowACloudIsReached_IsShownToUnscopedOperatorsOnly()
    {
        await _op.Post("/api/v1/clouds", Kube("seen", "first.kubeconfig")).Expect(HttpStatusCode.Created);
        var full = await _op.GetAsync("/api/v1/clouds/seen").Expect(HttpStatusCode.OK);
        Assert.Equal(Endpoint, full.Str("endpoint"));
        Assert.Equal("file:first.kubeconfig", full.Str("credentialsRef"));

        foreach (var (caller, client) in _as)
        {
            var one = await client.GetAsync("/api/v1/clouds/seen").Expect(HttpStatusCode.OK);
            var list = await client.GetAsync("/api/v1/clouds").Expect(HttpStatusCode.OK);
            foreach (var shown in new[] { one.ToJsonString(), list.ToJsonString() })
            {
                Assert.True(shown.Contains("\"seen\"", StringComparison.Ordinal), caller);
                Assert.False(shown.Contains("kubeconfig", StringComparison.Ordinal) || shown.Contains("credentialsRef", StringComparison.Ordinal)
                    || shown.Contains("endpoint", StringComparison.Ordinal), $"{caller} sees how the cloud is reached: {shown}");
            }
        }
    }
}
