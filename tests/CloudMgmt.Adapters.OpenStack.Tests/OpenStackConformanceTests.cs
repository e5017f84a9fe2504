using CloudMgmt.Adapters.Conformance;
using CloudMgmt.Adapters.OpenStack.Tests.Infrastructure;

namespace CloudMgmt.Adapters.OpenStack.Tests;

/// <summary>The shared adapter conformance suite, run against a real OpenStack (Keystone, Placement, Nova).</summary>
[Collection(OpenStackCollection.Name)]
public sealed class OpenStackConformanceTests : AdapterConformanceTests, IAsyncLifetime
{
    private readonly FaultProxy _proxy;
    private readonly ConformanceBackdoor _backdoor;

    private readonly OpenStackPeer _peer;

    public OpenStackConformanceTests(OpenStackPeer peer)
    {
        _peer = peer;
        _proxy = new FaultProxy(peer);
        _backdoor = new ConformanceBackdoor(peer, _proxy);
        Adapter = OpenStackTestAdapters.Create(peer, _proxy);
    }

    protected override ICloudAdapter Adapter { get; }

    protected override IConformanceBackdoor Backdoor => _backdoor;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Leaves the peer as it was: the run's tenant project goes, with its grants.</summary>
    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _peer.Admin.DeleteProjectOfAsync(Grant("any").Tenant.TenantId);
    }
}
