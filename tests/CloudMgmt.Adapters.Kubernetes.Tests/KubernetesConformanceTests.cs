using System.Net;
using System.Text.Json.Nodes;
using CloudMgmt.Adapters.Conformance;
using CloudMgmt.Adapters.Kubernetes.Tests.FakeApi;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Kubernetes.Tests;

/// <summary>The shared adapter conformance suite, run against the fake API server; the back door is kubectl over HTTP.</summary>
public sealed class KubernetesConformanceTests : AdapterConformanceTests, IAsyncLifetime
{
    private FakeCluster _cluster = null!;
    private KubectlBackdoor _backdoor = null!;
    private ICloudAdapter _adapter = null!;

    protected override ICloudAdapter Adapter => _adapter;

    protected override IConformanceBackdoor Backdoor => _backdoor;

    public async Task InitializeAsync()
    {
        _cluster = await FakeCluster.StartAsync();
        _adapter = _cluster.Adapter();
        _backdoor = new KubectlBackdoor(_cluster.Api);
    }

    public async Task DisposeAsync()
    {
        _backdoor.Dispose();
        await _cluster.DisposeAsync();
    }

    private sealed class KubectlBackdoor(FakeKubeApi api) : IConformanceBackdoor, IDisposable
    {
        private readonly KubectlClient _kubectl = new(api);

        public ResourceVector MoreThanAnyZone => ResourceVector.Of(100_000, 16);

        public ResourceVector Small => ResourceVector.Of(2, 4);

        public async Task ChangeGrantAsync(GrantRef grant, ResourceVector granted)
        {
            var quota = (JsonObject)(await MarkedAsync(grant)).Single()!;
            quota["spec"]!["hard"] = Hard(granted);
            using var response = await _kubectl.ReplaceAsync(PathOf(quota), quota);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        public async Task DeleteGrantAsync(GrantRef grant)
        {
            foreach (var quota in await MarkedAsync(grant))
            {
                using var response = await _kubectl.DeleteAsync(PathOf((JsonObject)quota!));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        public async Task CreateOrphanAsync(GrantRef grant, ResourceVector granted)
        {
            var ns = FakeCluster.NamespaceOf(grant.Tenant.TenantId);
            using var space = await _kubectl.CreateAsync("/api/v1/namespaces", new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } });
            Assert.True(space.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, space.StatusCode.ToString());
            var labels = new JsonObject();
            foreach (var (key, value) in ManagementMarks.For(grant))
            {
                labels[key] = value;
            }

            using var created = await _kubectl.CreateAsync($"/api/v1/namespaces/{ns}/resourcequotas", new JsonObject
            {
                ["apiVersion"] = "v1", ["kind"] = "ResourceQuota",
                ["metadata"] = new JsonObject { ["name"] = "left-behind", ["labels"] = labels },
                ["spec"] = new JsonObject { ["hard"] = Hard(granted) },
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        public async Task<int> CountObjectsAsync(GrantRef grant) => (await MarkedAsync(grant)).Count;

        public Task SetOutageAsync(bool down)
        {
            api.Outage = down;
            return Task.CompletedTask;
        }

        public void Dispose() => _kubectl.Dispose();

        private async Task<JsonArray> MarkedAsync(GrantRef grant) =>
            (await _kubectl.ListAsync("/api/v1/resourcequotas", $"{ManagementMarks.Allocation}={grant.AllocationId}"))["items"]!.AsArray();

        private static string PathOf(JsonObject quota) =>
            $"/api/v1/namespaces/{quota["metadata"]!["namespace"]}/resourcequotas/{quota["metadata"]!["name"]}";

        private static JsonObject Hard(ResourceVector granted) => new()
        {
            ["requests.cpu"] = granted[ResourceNames.Vcpu].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["requests.memory"] = $"{granted[ResourceNames.MemoryGiB]}Gi",
        };
    }
}
