using CloudMgmt.Grains.Clouds;
using CloudMgmt.Reconciliation.Clouds;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CloudMgmt.Faults.Tests.Resilience;

/// <summary>One adapter per cloud per silo, specs compared by value, the old adapter disposed when a cloud changes or leaves.</summary>
public sealed class AdapterRegistryTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly ScriptedFactory _factory;
    private readonly AdapterRegistry _registry;

    public AdapterRegistryTests()
    {
        _factory = new ScriptedFactory(_clock);
        _registry = new AdapterRegistry([_factory], new CloudResilience(new CloudResilienceOptions(), _clock), _clock, NullLogger<AdapterRegistry>.Instance);
    }

    private static CloudSpec Spec(string endpoint = "https://keystone.example/v3", string flavor = "m1.small") =>
        new("c1", "scripted", "r1", new Dictionary<string, string> { ["securityLevel"] = "3" }, endpoint, "env:C1",
            new Dictionary<string, string> { ["flavor"] = flavor }); // new dictionaries each time, as a spec from another silo has

    [Fact]
    public void For_AnEqualSpecWithOtherDictionaries_ReusesTheAdapter()
    {
        var first = _registry.For(Spec());
        for (var pass = 0; pass < 10; pass++)
        {
            Assert.Same(first, _registry.For(Spec()));
        }

        Assert.Single(_factory.Made);
    }

    [Fact]
    public void For_OnlyLabelsChanged_ReusesTheAdapter()
    {
        var first = _registry.For(Spec());

        Assert.Same(first, _registry.For(Spec() with { Labels = new Dictionary<string, string> { ["securityLevel"] = "4" } }));
    }

    [Fact]
    public void For_ChangedSettings_ReplacesTheAdapterAndDisposesTheOldOnceItsCallsAreOver()
    {
        var first = (ScriptedAdapter)_registry.For(Spec());

        var second = _registry.For(Spec(flavor: "m1.large"));

        Assert.NotSame(first, second);
        Assert.False(first.Disposed); // calls already holding it may still be running
        _clock.Advance(AdapterRegistry.RetireAfter);
        Assert.True(first.Disposed);
        Assert.Equal(1, _registry.Count);
    }

    [Fact]
    public void Retain_ACloudThatLeft_DropsAndDisposesItsAdapter()
    {
        var first = (ScriptedAdapter)_registry.For(Spec());

        _registry.Retain(["other"]);
        _clock.Advance(AdapterRegistry.RetireAfter);

        Assert.True(first.Disposed);
        Assert.Equal(0, _registry.Count);
    }
}
