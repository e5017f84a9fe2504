using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CloudMgmt.Api.Tests.Infrastructure;

namespace CloudMgmt.Api.Tests.Clouds;

/// <summary>
/// Registering and changing clouds through the API: every problem at once under its field, the
/// https rule, one secret per cloud, the dry run that stores nothing, and what each role sees.
/// The Kubernetes cloud's kubeconfig sits in the controller's credentials directory and points at
/// a closed port: registration calls no cloud, and a dry run finds nobody there.
/// </summary>
public sealed class CloudRegistrationApiTests : IDisposable
{
    private readonly ControllerFactory _factory = new();

    public CloudRegistrationApiTests()
    {
        _factory.Settings["Resilience:RetryDelay"] = "00:00:00.010";
        var credentials = Path.Combine(_factory.DataDir, "credentials");
        Directory.CreateDirectory(credentials);
        foreach (var name in new[] { "transport.kubeconfig", "second.kubeconfig" })
        {
            File.WriteAllText(Path.Combine(credentials, name), TestKubeconfigs.ClosedPort);
        }
    }

    public void Dispose() => _factory.Dispose();

    private static object Kubernetes(string id, string reference = "file:transport.kubeconfig", string? endpoint = null, bool? allowInsecure = null) =>
        new { id, kind = "kubernetes", region = "anhui", credentialsRef = reference, endpoint, allowInsecureEndpoint = allowInsecure };

    [Fact]
    public async Task Register_EveryProblemAtOnce_400UnderEachFieldAndNothingStored()
    {
        var op = _factory.Operator();

        var problem = await op.Post("/api/v1/clouds", new
        {
            id = "sector", kind = "kubernetes", region = "anhui", endpoint = "http://10.0.0.1:6443", credentialsRef = "env:HOME",
            settings = new { pageSize = "0", namespacePrefix = "CM!", contxt = "x" },
        }).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Equal(["credentialsRef", "endpoint", "settings.contxt", "settings.namespacePrefix", "settings.pageSize"],
            problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Empty((await op.GetAsync("/api/v1/clouds").Expect(HttpStatusCode.OK)).AsArray());
    }

    [Fact]
    public async Task Register_HttpEndpoint_RefusedUnlessAllowed_AndTheAllowanceIsShown()
    {
        var op = _factory.Operator();

        var refused = await op.Post("/api/v1/clouds", Kubernetes("lab", endpoint: "http://127.0.0.1:9")).ExpectProblem(HttpStatusCode.BadRequest);
        var created = await op.Post("/api/v1/clouds", Kubernetes("lab", endpoint: "http://127.0.0.1:9", allowInsecure: true)).Expect(HttpStatusCode.Created);

        Assert.Contains("must be https", refused["errors"]!["endpoint"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(created["allowInsecureEndpoint"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Register_TheSameSecretAsAnotherCloud_Refused()
    {
        var op = _factory.Operator();
        await op.Post("/api/v1/clouds", Kubernetes("first")).Expect(HttpStatusCode.Created);

        var problem = await op.Post("/api/v1/clouds", Kubernetes("copy", reference: $"file:{_factory.DataDir}/credentials/transport.kubeconfig", endpoint: "https://collector.example"))
            .ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains("same secret as cloud 'first'", problem["errors"]!["credentialsRef"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_NewEndpoint_NeedsTheReferenceAgain()
    {
        var op = _factory.Operator();
        await op.Post("/api/v1/clouds", Kubernetes("sector")).Expect(HttpStatusCode.Created);

        var refused = await op.PatchAsJsonAsync("/api/v1/clouds/sector", new { endpoint = "https://collector.example" }).ExpectProblem(HttpStatusCode.BadRequest);
        var unchanged = await op.GetAsync("/api/v1/clouds/sector").Expect(HttpStatusCode.OK);
        var changed = await op.PatchAsJsonAsync("/api/v1/clouds/sector", new { endpoint = "https://k8s.sector.example", credentialsRef = "file:transport.kubeconfig" })
            .Expect(HttpStatusCode.OK);

        Assert.True(refused["errors"]!.AsObject().ContainsKey("credentialsRef"));
        Assert.Null(unchanged["endpoint"]);
        Assert.Equal("https://k8s.sector.example", changed.Str("endpoint"));
    }

    [Fact]
    public async Task DryRun_ReportsTheConnectionAndStoresNothing()
    {
        var op = _factory.Operator();

        var sandbox = await op.Post("/api/v1/clouds?dryRun=true", new { id = "try-sandbox", kind = "sandbox", region = "anhui" }).Expect(HttpStatusCode.OK);
        var kube = await op.Post("/api/v1/clouds?dryRun=true", Kubernetes("try-kube")).Expect(HttpStatusCode.OK);
        var invalid = await op.Post("/api/v1/clouds?dryRun=true", Kubernetes("try-bad", reference: "file:/proc/self/environ")).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.True(sandbox["connection"]!["healthy"]!.GetValue<bool>());
        Assert.Equal(4096, sandbox.Long("connection.capacity.vcpu"));
        Assert.False(kube["connection"]!["healthy"]!.GetValue<bool>());
        Assert.False(kube["stored"]!.GetValue<bool>());
        Assert.True(invalid["errors"]!.AsObject().ContainsKey("credentialsRef"));
        Assert.Empty((await op.GetAsync("/api/v1/clouds").Expect(HttpStatusCode.OK)).AsArray());
    }

    [Fact]
    public async Task Views_DepartmentAndViewer_SeeNoEndpointReferenceSettingsOrRawDetail()
    {
        var op = _factory.Operator();
        await ApiCalls.SeedAsync(op);
        await op.Post("/api/v1/clouds", Kubernetes("sector", endpoint: "https://127.0.0.1:9")).Expect(HttpStatusCode.Created);
        await op.PostAsync("/api/v1/clouds/sector/reconcile", null).Expect(HttpStatusCode.OK);
        var department = await KeyAsync(op, new { role = "department", tenant = "health" });
        var viewer = await KeyAsync(op, new { role = "viewer" });

        var asOperator = await op.GetAsync("/api/v1/clouds/sector").Expect(HttpStatusCode.OK);
        foreach (var token in new[] { department, viewer })
        {
            var client = _factory.WithToken(token);
            var one = await client.GetAsync("/api/v1/clouds/sector").Expect(HttpStatusCode.OK);
            var listed = (await client.GetAsync("/api/v1/clouds").Expect(HttpStatusCode.OK)).AsArray().Single()!;
            foreach (var seen in new[] { one, listed })
            {
                Assert.Null(seen["endpoint"]);
                Assert.Null(seen["credentialsRef"]);
                Assert.Null(seen["settings"]);
                Assert.DoesNotContain("127.0.0.1", seen.ToJsonString(), StringComparison.Ordinal);
                Assert.DoesNotContain("kubeconfig", seen.ToJsonString(), StringComparison.Ordinal);
                Assert.Equal("cloud unavailable", seen["health"]!.Str("detail"));
            }
        }

        Assert.Equal("file:transport.kubeconfig", asOperator.Str("credentialsRef"));
        Assert.False(asOperator["health"]!["healthy"]!.GetValue<bool>());
    }

    private static async Task<string> KeyAsync(HttpClient op, object body) =>
        (await op.Post("/api/v1/keys", body).Expect(HttpStatusCode.Created)).Str("token");
}
