using CloudMgmt.Adapters.Ec2.Tests.Fake;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Ec2.Tests;

/// <summary>Capacity from the instance-type catalogue and the account's vCPU limit.</summary>
public sealed class CapacityTests(FakeEc2Fixture fixture) : IClassFixture<FakeEc2Fixture>
{
    [Fact]
    public async Task DescribeCapacity_WithMaxVcpu_SlicesPerZoneAndArchitectureSummingToTheLimit()
    {
        var capacity = (await fixture.Adapter(Specs.Settings(("maxVcpu", "66"))).DescribeCapacityAsync(default)).Unwrap();

        Assert.Equal(
            FakeCatalogue.Zones.SelectMany(z => new[] { (z, "aarch64"), (z, "x86_64") }).ToList(),
            capacity.Slices.Select(s => (s.Zone, s.Architecture)).ToList());
        Assert.Equal(66, capacity.Total[ResourceNames.Vcpu]);
        var x86 = capacity.Slices.First(s => s.Architecture == "x86_64");
        Assert.Equal(x86.Capacity[ResourceNames.Vcpu] * 8, x86.Capacity[ResourceNames.MemoryGiB]); // r5: 8 GiB per vCPU at most
        Assert.Equal(x86.Capacity[ResourceNames.Vcpu] / 4, x86.Capacity[ResourceNames.Gpu]); // g4dn.xlarge: one GPU per 4 vCPUs
        Assert.Equal(0, capacity.Slices.First(s => s.Architecture == "aarch64").Capacity[ResourceNames.Gpu]);
    }

    [Fact]
    public async Task DescribeCapacity_WithoutMaxVcpu_UsesTheAccountsMaxInstances()
    {
        var capacity = (await fixture.Adapter().DescribeCapacityAsync(default)).Unwrap();

        // 20 instances of the largest x86 type offered (m5.4xlarge, 16 vCPUs).
        Assert.Equal(fixture.State.MaxInstances * 16, capacity.Total[ResourceNames.Vcpu]);
        Assert.Contains(fixture.State.Calls, c => c.Action == "DescribeAccountAttributes" && c.Parameters.GetValueOrDefault("AttributeName.1") == "max-instances");
    }

    [Fact]
    public async Task DescribeCapacity_ZonesSetting_KeepsToThoseZones()
    {
        var capacity = (await fixture.Adapter(Specs.Settings(("maxVcpu", "10"), ("zones", FakeCatalogue.Zones[1]))).DescribeCapacityAsync(default)).Unwrap();

        Assert.All(capacity.Slices, s => Assert.Equal(FakeCatalogue.Zones[1], s.Zone));
    }
}
