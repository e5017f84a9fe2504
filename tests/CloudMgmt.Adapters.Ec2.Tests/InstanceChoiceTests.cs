using CloudMgmt.Adapters.Ec2.Tests.Fake;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Ec2.Tests;

/// <summary>Which reservations a grant becomes: the instance policy, the price table, the architecture, GPUs.</summary>
public sealed class InstanceChoiceTests(FakeEc2Fixture fixture) : IClassFixture<FakeEc2Fixture>
{
    private async Task<List<(string Type, int Count)>> ReservedFor(ResourceVector resources, Dictionary<string, string>? settings = null)
    {
        var spec = Specs.For(resources);
        var applied = await fixture.Adapter(settings).ApplyGrantAsync(spec, default);
        Assert.True(applied.Succeeded, applied.Error?.ToString());
        Assert.Equal(resources, applied.Value!.Granted);
        return fixture.State.ActiveOf(spec.Grant.AllocationId).Select(r => (r.InstanceType, r.Total)).OrderBy(r => r.InstanceType).ToList();
    }

    [Fact]
    public async Task ApplyGrant_CheapestFitByVcpu_PrefersFewestInstancesAmongEquallyCheap()
    {
        // m5.xlarge and two m5.large both cost 4 vCPUs; one instance wins.
        Assert.Equal([("m5.xlarge", 1)], await ReservedFor(ResourceVector.Of(4, 16)));
    }

    [Fact]
    public async Task ApplyGrant_MemoryHeavyRequest_TakesTheMemoryRichTypeInsteadOfMoreVcpus()
    {
        // 2 vCPU and 16 GiB: one r5.large (2 vCPU) beats m5.xlarge (4 vCPU) and two m5.large.
        Assert.Equal([("r5.large", 1)], await ReservedFor(ResourceVector.Of(2, 16)));
    }

    [Fact]
    public async Task ApplyGrant_UnevenRequest_MixesTwoTypesWhenThatIsCheapest()
    {
        // 6 vCPU, 20 GiB: m5.xlarge + c5.large (6 vCPU, 20 GiB) costs 6; m5.2xlarge alone costs 8.
        Assert.Equal([("c5.large", 1), ("m5.xlarge", 1)], await ReservedFor(ResourceVector.Of(6, 20)));
    }

    [Fact]
    public async Task ApplyGrant_WithPriceTable_UsesThePricesAndOnlyPricedTypes()
    {
        var prices = Specs.Settings(("prices", "c5.xlarge=0.17,m5.xlarge=0.192,m5.2xlarge=0.384"));
        Assert.Equal([("c5.xlarge", 1)], await ReservedFor(ResourceVector.Of(4, 8), prices));
        Assert.Equal([("m5.xlarge", 1)], await ReservedFor(ResourceVector.Of(2, 12), prices));
    }

    [Fact]
    public async Task ApplyGrant_FamilyPolicy_KeepsToTheFamily()
    {
        // Left to itself, cheapest-fit takes a c5.large (2 vCPU, 4 GiB) for this.
        Assert.Equal([("c5.large", 1)], await ReservedFor(ResourceVector.Of(2, 2)));
        Assert.Equal([("m5.large", 1)], await ReservedFor(ResourceVector.Of(2, 2), Specs.Settings(("instancePolicy", "family:m5"))));
        Assert.Equal([("r5.large", 1)], await ReservedFor(ResourceVector.Of(2, 2), Specs.Settings(("instancePolicy", "family:r5"))));
    }

    [Fact]
    public async Task ApplyGrant_ArmCloud_ReservesArmInstancesOnly()
    {
        Assert.Equal([("m6g.xlarge", 1)], await ReservedFor(ResourceVector.Of(4, 16), Specs.Settings(("architecture", "aarch64"))));
        Assert.Equal([("m6g.large", 1)], await ReservedFor(ResourceVector.Of(2, 4), Specs.Settings(("architecture", "arm64"))));
    }

    [Fact]
    public async Task ApplyGrant_GpuRequest_UsesGpuTypesAndCpuRequestsNeverDo()
    {
        Assert.Equal([("g4dn.xlarge", 2)], await ReservedFor(ResourceVector.Of(8, 32, 0, 2)));
        Assert.DoesNotContain(await ReservedFor(ResourceVector.Of(4, 16)), r => r.Type.StartsWith("g4dn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApplyGrant_StorageInTheRequest_IsInvalidAndMakesNothing()
    {
        var spec = Specs.For(ResourceVector.Of(2, 8, 100));
        var result = await fixture.Adapter().ApplyGrantAsync(spec, default);

        Assert.Equal(AdapterErrorKind.Invalid, result.Error?.Kind);
        Assert.Empty(fixture.State.ActiveOf(spec.Grant.AllocationId));
    }

    [Fact]
    public async Task ApplyGrant_FamilyThatCannotCover_IsInsufficientCapacityNotRetryable()
    {
        var result = await fixture.Adapter(Specs.Settings(("instancePolicy", "family:m5"))).ApplyGrantAsync(Specs.For(ResourceVector.Of(4, 16, 0, 1)), default);

        Assert.Equal(AdapterErrorKind.InsufficientCapacity, result.Error?.Kind);
        Assert.False(result.Error!.Retryable);
    }
}
