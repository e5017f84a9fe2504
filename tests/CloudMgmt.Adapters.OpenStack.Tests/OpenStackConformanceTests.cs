using CloudMgmt.Adapters.Conformance;
using CloudMgmt.Adapters.OpenStack.Tests.Infrastructure;

namespace CloudMgmt.Adapters.OpenStack.Tests;

/// <summary>The shared adapter conformance suite, run against a real OpenStack (Keystone, Placement, Nova).</summary>
[Collection(OpenStackCollection.Name)]
public sealed class OpenStackConformanceTests : AdapterConformanceTests, IAsyncLifetime
{
    private readonly FaultProxy _proxy;
    private readonly ConformanceBackdoor _backdoor;

    public OpenStackConformanceTests(OpenStackPeer peer)
    {
        _proxy = new FaultProxy(peer);
        _backdoor = new ConformanceBackdoor(peer, _proxy);
        Adapter = OpenStackTestAdapters.Create(peer, _proxy);
    }

    protected override ICloudAdapter Adapter { get; }

    protected override IConformanceBackdoor Backdoor => _backdoor;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _proxy.DisposeAsync().AsTask();
}
