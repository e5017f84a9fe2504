using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CloudMgmt.Adapters.Kubernetes.Tests.FakeApi;

namespace CloudMgmt.Adapters.Kubernetes.Tests.EndToEnd;

/// <summary>
/// The whole path through the controller's API: a Kubernetes cloud registered by POST, a department's
/// request placed on it, the namespace and quota made on the (fake) API server by the reconciler,
/// a quota changed behind the controller's back repaired, and the quota removed on release.
/// </summary>
public sealed class KubernetesCloudApiTests : IAsyncLifetime
{
    private const string CloudId = "transport-k8s";
    private FakeCluster _cluster = null!;
    private EmbeddedController _controller = null!;
    private KubectlClient _kubectl = null!;
    private HttpClient _op = null!;

    public async Task InitializeAsync()
    {
        _cluster = await FakeCluster.StartAsync();
        _kubectl = new KubectlClient(_cluster.Api);
        _controller = new EmbeddedController
        {
            Settings = { ["Resilience:RetryDelay"] = "00:00:00.005", ["Credentials:Directory"] = _cluster.Kubeconfig.Directory },
        };
        _op = _controller.Operator();
    }

    public async Task DisposeAsync()
    {
        _op.Dispose();
        await _controller.DisposeAsync();
        _kubectl.Dispose();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Allocation_OnAKubernetesCloud_QuotaAppearsIsRepairedAfterDriftAndGoesOnRelease()
    {
        await HttpCalls.Expect(_op.PostAsJsonAsync("/api/v1/clouds", new
        {
            id = CloudId, kind = "kubernetes", region = "anhui", labels = new { securityLevel = "3", xinchuang = "false" },
            credentialsRef = _cluster.Kubeconfig.CredentialsRef, settings = new { context = Kubeconfig.Context }, allowInsecureEndpoint = true,
        }), HttpStatusCode.Created);
        var cloud = await HttpCalls.Expect(_op.PostAsync($"/api/v1/clouds/{CloudId}/reconcile", null), HttpStatusCode.OK);
        Assert.True(cloud["health"]!["healthy"]!.GetValue<bool>(), cloud.ToJsonString());
        Assert.Equal(111, cloud["capacity"]!["vcpu"]!.GetValue<long>());
        await HttpCalls.Expect(_op.PostAsJsonAsync("/api/v1/pools", new { id = "province", quota = new { vcpu = 0 } }), HttpStatusCode.Created);
        await HttpCalls.Expect(_op.PostAsJsonAsync("/api/v1/pools", new { id = "transport", parent = "province", quota = new { vcpu = 64, memoryGiB = 256 } }), HttpStatusCode.Created);
        await HttpCalls.Expect(_op.PostAsJsonAsync("/api/v1/tenants", new { id = "transport-bureau", pool = "transport" }), HttpStatusCode.Created);

        var allocation = await HttpCalls.Expect(_op.PostAsJsonAsync("/api/v1/allocations",
            new { tenant = "transport-bureau", resources = new { vcpu = 8, memoryGiB = 32 } }), HttpStatusCode.Created);
        var id = allocation["id"]!.GetValue<string>();
        await HttpCalls.Expect(_op.PostAsync("/api/v1/reconcile", null), HttpStatusCode.OK);

        Assert.Equal("Ready", (await GetAllocationAsync(id))["status"]!.GetValue<string>());
        var ns = FakeCluster.NamespaceOf("transport-bureau");
        var space = await _kubectl.GetAsync($"/api/v1/namespaces/{ns}");
        Assert.Equal("transport", space["metadata"]!["labels"]![ManagementMarks.Pool]!.GetValue<string>());
        var quota = (JsonObject)(await _kubectl.ListAsync($"/api/v1/namespaces/{ns}/resourcequotas", $"{ManagementMarks.Allocation}={id}"))["items"]!.AsArray().Single()!;
        Assert.Equal("8", quota["spec"]!["hard"]!["requests.cpu"]!.GetValue<string>());
        Assert.Equal("32Gi", quota["spec"]!["hard"]!["requests.memory"]!.GetValue<string>());

        // An operator lowers the quota with kubectl; the next pass puts it back.
        var path = $"/api/v1/namespaces/{ns}/resourcequotas/{quota["metadata"]!["name"]}";
        quota["spec"]!["hard"]!["requests.cpu"] = "2";
        (await _kubectl.ReplaceAsync(path, quota)).EnsureSuccessStatusCode();
        await HttpCalls.Expect(_op.PostAsync("/api/v1/reconcile", null), HttpStatusCode.OK);

        Assert.Equal("8", (await _kubectl.GetAsync(path))["spec"]!["hard"]!["requests.cpu"]!.GetValue<string>());
        Assert.Contains((await GetAllocationAsync(id))["history"]!.AsArray(),
            e => e!["message"]!.GetValue<string>().Contains("repaired drift", StringComparison.Ordinal));

        await HttpCalls.Expect(_op.DeleteAsync($"/api/v1/allocations/{id}"), HttpStatusCode.OK);
        await HttpCalls.Expect(_op.PostAsync("/api/v1/reconcile", null), HttpStatusCode.OK);

        Assert.Equal("Released", (await GetAllocationAsync(id))["status"]!.GetValue<string>());
        Assert.Null(_cluster.Api.Store.Find("resourcequotas", ns, quota["metadata"]!["name"]!.GetValue<string>()));
    }

    private async Task<JsonNode> GetAllocationAsync(string id) => await HttpCalls.Expect(_op.GetAsync($"/api/v1/allocations/{id}"), HttpStatusCode.OK);
}
