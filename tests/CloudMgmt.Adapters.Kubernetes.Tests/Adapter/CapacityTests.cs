using CloudMgmt.Adapters.Kubernetes.Tests.FakeApi;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Kubernetes.Tests.Adapter;

public sealed class CapacityTests : IAsyncLifetime
{
    private FakeCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await FakeCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task DescribeCapacity_MixedCluster_ExcludesControlPlaneAndCordonedAndSplitsByZoneAndArch()
    {
        var capacity = (await _cluster.Adapter().DescribeCapacityAsync(default)).Unwrap();

        var slices = capacity.Slices.ToDictionary(s => (s.Zone, s.Architecture), s => s.Capacity);
        Assert.Equal(4, slices.Count);
        // worker-amd-1 (16, 64Gi, 2 GPUs) + worker-amd-2 (15890m, 65843072Ki = 62.79Gi): 31.89 cores, 126.79 GiB, rounded down.
        Assert.Equal(ResourceVector.Of(31, 126, 200, 2), slices[(ClusterFixture.ZoneA, "x86_64")]);
        // worker-amd-3 only: the cordoned worker-amd-4 in the same zone does not count.
        Assert.Equal(ResourceVector.Of(16, 64, 100), slices[(ClusterFixture.ZoneB, "x86_64")]);
        Assert.Equal(ResourceVector.Of(32, 128, 100), slices[(ClusterFixture.ZoneA, "aarch64")]);
        Assert.Equal(ResourceVector.Of(32, 128, 100), slices[(ClusterFixture.ZoneB, "aarch64")]);
        Assert.Equal(111, capacity.Total[ResourceNames.Vcpu]); // not 135: the control plane's 8 and the cordoned 16 are left out
    }

    [Fact]
    public async Task DescribeCapacity_SmallPages_ReadsEveryNodeThroughContinueTokens()
    {
        var capacity = (await _cluster.Adapter(new Dictionary<string, string> { ["pageSize"] = "2" }).DescribeCapacityAsync(default)).Unwrap();

        var nodeLists = _cluster.Api.Requests.Where(r => r.Method == "GET" && r.PathAndQuery.StartsWith("/api/v1/nodes", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, nodeLists.Count); // 7 nodes, 2 per page
        Assert.All(nodeLists.Skip(1), r => Assert.Contains("continue=", r.PathAndQuery, StringComparison.Ordinal));
        Assert.Equal(111, capacity.Total[ResourceNames.Vcpu]);
    }

    [Fact]
    public async Task ApplyGrant_GpuBeyondTheOnlyGpuNodes_IsInsufficientCapacity()
    {
        var grant = new GrantRef("alloc-gpu", new TenantRef("ai-lab", "science"));

        var result = await _cluster.Adapter().ApplyGrantAsync(new GrantSpec(grant, ResourceVector.Of(4, 16, 0, 3), null, new Dictionary<string, string>()), default);

        Assert.Equal(AdapterErrorKind.InsufficientCapacity, result.Error?.Kind);
        Assert.Empty(_cluster.Api.Store.All("resourcequotas"));
    }

    [Theory]
    [InlineData("amd64", "x86_64")]
    [InlineData("arm64", "aarch64")]
    [InlineData("riscv64", "riscv64")]
    public void Architecture_KubernetesName_IsThePlacementName(string kubernetes, string placement) =>
        Assert.Equal(placement, Inventory.NodeCapacity.Architecture(kubernetes));
}
