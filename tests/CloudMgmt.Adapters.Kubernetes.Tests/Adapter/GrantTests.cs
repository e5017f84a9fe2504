using System.Net;
using System.Text.Json.Nodes;
using CloudMgmt.Adapters.Kubernetes.Tests.FakeApi;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Kubernetes.Tests.Adapter;

public sealed class GrantTests : IAsyncLifetime
{
    private static readonly TenantRef Health = new("health-commission", "hefei-health");
    private FakeCluster _cluster = null!;
    private KubectlClient _kubectl = null!;

    public async Task InitializeAsync()
    {
        _cluster = await FakeCluster.StartAsync();
        _kubectl = new KubectlClient(_cluster.Api);
    }

    public async Task DisposeAsync()
    {
        _kubectl.Dispose();
        await _cluster.DisposeAsync();
    }

    private static GrantSpec Spec(string allocation, ResourceVector resources, TenantRef? tenant = null) =>
        new(new GrantRef(allocation, tenant ?? Health), resources, null, new Dictionary<string, string>());

    private string Ns => FakeCluster.NamespaceOf(Health.TenantId);

    [Fact]
    public async Task EnsureTenantSpace_NewTenant_NamespaceLabelledAndLimitRangeWithDefaults()
    {
        var space = (await _cluster.Adapter().EnsureTenantSpaceAsync(Health, default)).Unwrap();

        var ns = await _kubectl.GetAsync($"/api/v1/namespaces/{space.ExternalId}");
        var labels = ns["metadata"]!["labels"]!;
        Assert.Equal("true", labels[ManagementMarks.Managed]!.GetValue<string>());
        Assert.Equal("health-commission", labels[ManagementMarks.Tenant]!.GetValue<string>());
        Assert.Equal("hefei-health", labels[ManagementMarks.Pool]!.GetValue<string>());
        var limits = await _kubectl.GetAsync($"/api/v1/namespaces/{space.ExternalId}/limitranges/cloudmgmt-defaults");
        var container = limits["spec"]!["limits"]![0]!;
        Assert.Equal("Container", container["type"]!.GetValue<string>());
        Assert.Equal("100m", container["defaultRequest"]!["cpu"]!.GetValue<string>());
        Assert.Equal("1Gi", container["default"]!["memory"]!.GetValue<string>());
    }

    [Fact]
    public async Task ApplyGrant_New_IsAServerSideApplyOwnedByOurFieldManager()
    {
        var observed = (await _cluster.Adapter().ApplyGrantAsync(Spec("alloc-ssa", ResourceVector.Of(8, 32, 0, 1)), default)).Unwrap();

        var quotaName = observed.ExternalId.Split('/')[1];
        var patch = _cluster.Api.Requests.Single(r => r.Method == "PATCH" && r.PathAndQuery.Contains($"/resourcequotas/{quotaName}", StringComparison.Ordinal));
        Assert.Equal(FakeKubeApi.ApplyContentType, patch.ContentType?.Split(';')[0]);
        Assert.Contains("fieldManager=cloudmgmt", patch.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("force=true", patch.PathAndQuery, StringComparison.Ordinal);
        var quota = await _kubectl.GetAsync($"/api/v1/namespaces/{Ns}/resourcequotas/{quotaName}");
        var hard = quota["spec"]!["hard"]!;
        Assert.Equal("8", hard["requests.cpu"]!.GetValue<string>());
        Assert.Equal("32Gi", hard["requests.memory"]!.GetValue<string>());
        Assert.Equal("1", hard["requests.nvidia.com/gpu"]!.GetValue<string>());
        var ours = quota["metadata"]!["managedFields"]!.AsArray().Single()!;
        Assert.Equal("cloudmgmt", ours["manager"]!.GetValue<string>());
        Assert.Equal("Apply", ours["operation"]!.GetValue<string>());
        Assert.NotNull(ours["fieldsV1"]!["f:spec"]!["f:hard"]!["f:requests.cpu"]);
    }

    [Fact]
    public async Task ApplyGrant_AfterKubectlEdit_ConflictIsSeenThenOurFieldsAreTakenBack()
    {
        var adapter = _cluster.Adapter();
        var applied = (await adapter.ApplyGrantAsync(Spec("alloc-drift", ResourceVector.Of(4, 16)), default)).Unwrap();
        var path = $"/api/v1/namespaces/{Ns}/resourcequotas/{applied.ExternalId.Split('/')[1]}";
        var quota = await _kubectl.GetAsync(path);
        quota["spec"]!["hard"]!["requests.cpu"] = "1500m";
        (await _kubectl.ReplaceAsync(path, quota)).EnsureSuccessStatusCode();

        var drifted = (await adapter.ObserveGrantAsync(new GrantRef("alloc-drift", Health), default)).Unwrap();
        var repaired = (await adapter.ApplyGrantAsync(Spec("alloc-drift", ResourceVector.Of(4, 16)), default)).Unwrap();

        Assert.Equal(ResourceVector.Of(1, 16), drifted.Granted); // 1.5 cores, rounded down: the cut shows
        Assert.Equal(ResourceVector.Of(4, 16), repaired.Granted);
        var patches = _cluster.Api.Requests.Where(r => r.Method == "PATCH" && r.PathAndQuery.StartsWith(path, StringComparison.Ordinal)).ToList();
        Assert.Equal(3, patches.Count); // the first apply, the refused one, the forced one
        Assert.Contains("force=true", patches[2].PathAndQuery, StringComparison.Ordinal);
        var managers = (await _kubectl.GetAsync(path))["metadata"]!["managedFields"]!.AsArray();
        Assert.NotNull(managers.Single(m => m!["manager"]!.GetValue<string>() == "cloudmgmt")!["fieldsV1"]!["f:spec"]!["f:hard"]!["f:requests.cpu"]);
    }

    [Fact]
    public async Task KubectlReplace_WithStaleResourceVersion_IsRefusedWith409()
    {
        var applied = (await _cluster.Adapter().ApplyGrantAsync(Spec("alloc-stale", ResourceVector.Of(2, 4)), default)).Unwrap();
        var path = $"/api/v1/namespaces/{Ns}/resourcequotas/{applied.ExternalId.Split('/')[1]}";
        var stale = await _kubectl.GetAsync(path);
        await _cluster.Adapter().ApplyGrantAsync(Spec("alloc-stale", ResourceVector.Of(3, 4)), default);

        stale["spec"]!["hard"]!["requests.cpu"] = "1";
        using var response = await _kubectl.ReplaceAsync(path, stale);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Conflict", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task ResizeGrant_DroppingTheGpu_RemovesItsQuotaKey()
    {
        var adapter = _cluster.Adapter();
        await adapter.ApplyGrantAsync(Spec("alloc-shrink", ResourceVector.Of(8, 32, 0, 2)), default);

        var resized = (await adapter.ResizeGrantAsync(Spec("alloc-shrink", ResourceVector.Of(8, 32)), default)).Unwrap();

        var hard = (await _kubectl.GetAsync($"/api/v1/namespaces/{Ns}/resourcequotas/{resized.ExternalId.Split('/')[1]}"))["spec"]!["hard"]!.AsObject();
        Assert.False(hard.ContainsKey("requests.nvidia.com/gpu"));
        Assert.Equal(ResourceVector.Of(8, 32), resized.Granted);
    }

    [Fact]
    public async Task ListGrants_SmallPages_FindsEveryGrantAcrossNamespaces()
    {
        var adapter = _cluster.Adapter(new Dictionary<string, string> { ["pageSize"] = "2" });
        var other = new TenantRef("transport-bureau", "hefei-transport");
        for (var i = 0; i < 5; i++)
        {
            (await adapter.ApplyGrantAsync(Spec($"alloc-page-{i}", ResourceVector.Of(1, 2), i % 2 == 0 ? Health : other), default)).Unwrap();
        }

        var listed = (await adapter.ListGrantsAsync(default)).Unwrap();

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"alloc-page-{i}"), listed.Select(g => g.AllocationId).Order());
        var lists = _cluster.Api.Requests.Where(r => r.Method == "GET" && r.PathAndQuery.StartsWith("/api/v1/resourcequotas?", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lists.Count);
        Assert.All(lists, r => Assert.Contains("labelSelector=cloudmgmt.io%2Fmanaged%3Dtrue", r.PathAndQuery, StringComparison.Ordinal));
        Assert.Equal(2, listed.Count(g => g.TenantId == other.TenantId));
    }

    [Fact]
    public async Task ObserveGrant_MetricsServed_UsedIsMeasuredUseSharedByWhatEachGrants()
    {
        var adapter = _cluster.Adapter();
        await adapter.ApplyGrantAsync(Spec("alloc-big", ResourceVector.Of(12, 48)), default);
        await adapter.ApplyGrantAsync(Spec("alloc-small", ResourceVector.Of(4, 16)), default);
        _cluster.Api.PodMetrics[Ns] = [("web-0", "3", "6Gi"), ("web-1", "4500m", "10Gi")]; // 7.5 cores, 16 GiB

        var big = (await adapter.ObserveGrantAsync(new GrantRef("alloc-big", Health), default)).Unwrap();
        var small = (await adapter.ObserveGrantAsync(new GrantRef("alloc-small", Health), default)).Unwrap();

        Assert.Equal(ResourceVector.Of(6, 12), big.Used); // 3/4 of 7.5 cores = 5.625, rounded up; 3/4 of 16 GiB
        Assert.Equal(ResourceVector.Of(2, 4), small.Used); // 1.875 cores rounded up; 4 GiB
    }

    [Fact]
    public async Task ObserveGrant_NoMetricsServer_UsedIsTheQuotaStatus()
    {
        _cluster.Api.MetricsServed = false;
        var adapter = _cluster.Adapter();
        await adapter.EnsureTenantSpaceAsync(Health, default);
        _cluster.Api.Store.NamespaceUse[Ns] = new() { ["requests.cpu"] = "2500m", ["requests.memory"] = "3Gi" };

        var observed = (await adapter.ApplyGrantAsync(Spec("alloc-status", ResourceVector.Of(4, 8)), default)).Unwrap();
        var again = (await adapter.ObserveGrantAsync(new GrantRef("alloc-status", Health), default)).Unwrap();

        Assert.Equal(ResourceVector.Of(3, 3), again.Used);
        Assert.Equal(ResourceVector.Of(3, 3), observed.Used);
    }

    [Fact]
    public async Task RemoveTenantSpace_Ours_DeletesTheNamespaceWithItsQuotas()
    {
        var adapter = _cluster.Adapter();
        await adapter.ApplyGrantAsync(Spec("alloc-gone", ResourceVector.Of(2, 4)), default);

        (await ((ITenantSpaceRemoval)adapter).RemoveTenantSpaceAsync(Health, default)).Unwrap();

        Assert.Null(_cluster.Api.Store.Find("namespaces", null, Ns));
        Assert.Empty(_cluster.Api.Store.All("resourcequotas"));
        Assert.True((await ((ITenantSpaceRemoval)adapter).RemoveTenantSpaceAsync(Health, default)).Succeeded);
    }
}
