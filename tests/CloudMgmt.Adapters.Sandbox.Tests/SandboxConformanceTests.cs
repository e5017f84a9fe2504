using CloudMgmt.Adapters.Conformance;
using CloudMgmt.Domain.Resources;
using Microsoft.Extensions.Time.Testing;

namespace CloudMgmt.Adapters.Sandbox.Tests;

/// <summary>The shared adapter conformance suite, run against the sandbox.</summary>
public sealed class SandboxConformanceTests : AdapterConformanceTests
{
    private readonly SandboxBackdoor _backdoor;

    public SandboxConformanceTests()
    {
        var time = new FakeTimeProvider();
        var cloud = new SandboxCloud(SandboxPresets.ProvinceX86(), time);
        Adapter = new SandboxAdapter(cloud, time);
        _backdoor = new SandboxBackdoor(cloud);
    }

    protected override ICloudAdapter Adapter { get; }

    protected override IConformanceBackdoor Backdoor => _backdoor;

    private sealed class SandboxBackdoor(SandboxCloud cloud) : IConformanceBackdoor
    {
        public ResourceVector MoreThanAnyZone => ResourceVector.Of(4096, 16);

        public ResourceVector Small => ResourceVector.Of(2, 4);

        public Task ChangeGrantAsync(GrantRef grant, ResourceVector granted)
        {
            cloud.Tamper(grant.AllocationId, granted);
            return Task.CompletedTask;
        }

        public Task DeleteGrantAsync(GrantRef grant)
        {
            cloud.Delete(grant.AllocationId);
            return Task.CompletedTask;
        }

        public Task CreateOrphanAsync(GrantRef grant, ResourceVector granted)
        {
            cloud.AddOrphan(grant.AllocationId, grant.Tenant, granted);
            return Task.CompletedTask;
        }

        public Task<int> CountObjectsAsync(GrantRef grant) => Task.FromResult(cloud.ObjectsFor(grant.AllocationId));

        public Task SetOutageAsync(bool down)
        {
            cloud.Outage = down;
            return Task.CompletedTask;
        }
    }
}
