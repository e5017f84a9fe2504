using CloudMgmt.Adapters.OpenStack.Grants;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.OpenStack.Tests.Unit;

public sealed class QuotaPlanTests
{
    [Theory]
    [InlineData(8, 16, null, null, 8, 16384, 8)]       // no flavor: one instance per vCPU
    [InlineData(8, 16, 2L, 4096L, 8, 16384, 4)]      // m1.medium-like: cores and RAM both allow 4
    [InlineData(4, 32, 2L, 4096L, 4, 32768, 8)]      // RAM allows more instances than cores: the larger count
    [InlineData(0, 0, 2L, 4096L, 0, 0, 0)]           // an empty ledger means a zero quota
    public void For_FlavorPolicy_DerivesInstances(long vcpu, long memoryGiB, long? flavorVcpus, long? flavorRam, long cores, long ram, long instances)
    {
        var flavor = flavorVcpus is null ? null : new FlavorSize("f", flavorVcpus.Value, flavorRam!.Value);

        var quota = QuotaPlan.For(ResourceVector.Of(vcpu, memoryGiB), flavor, withVolumes: false);

        Assert.Equal(new ProjectQuota(cores, ram, instances, null), quota);
    }

    [Fact]
    public void For_WithVolumeService_SetsGigabytesFromStorage()
    {
        Assert.Equal(500, QuotaPlan.For(ResourceVector.Of(1, 1, 500), null, withVolumes: true).Gigabytes);
    }

    [Fact]
    public void Observed_QuotaAsExpected_IsTheLedgerEntry()
    {
        var entry = new LedgerEntry("a", ResourceVector.Of(4, 8, 0, 1), null);
        var expected = new ProjectQuota(10, 20 * 1024, 10, null);

        Assert.Equal(entry.Granted, QuotaPlan.Observed(entry, expected, expected));
    }

    [Fact]
    public void Observed_QuotaLoweredByHand_ShowsTheDriftOnTheGrantClampedAtZero()
    {
        var entry = new LedgerEntry("a", ResourceVector.Of(4, 8), null);
        var expected = new ProjectQuota(10, 20 * 1024, 10, null);
        var actual = expected with { Cores = 1, RamMiB = 18 * 1024 };

        // cores fell by 9: more than this grant's 4, so it shows 0; RAM fell by 2 GiB.
        Assert.Equal(ResourceVector.Of(0, 6), QuotaPlan.Observed(entry, expected, actual));
    }

    [Fact]
    public void Observed_QuotaRaisedByHand_ShowsMoreThanGranted()
    {
        var entry = new LedgerEntry("a", ResourceVector.Of(4, 8), null);
        var expected = new ProjectQuota(4, 8 * 1024, 4, null);

        Assert.Equal(ResourceVector.Of(6, 8), QuotaPlan.Observed(entry, expected, expected with { Cores = 6 }));
    }

    [Fact]
    public void ShareOf_SplitsProjectUseInProportionToGrants()
    {
        var total = ResourceVector.Of(12, 24);

        Assert.Equal(ResourceVector.Of(2, 4), QuotaPlan.ShareOf(ResourceVector.Of(6, 12), ResourceVector.Of(4, 8), total));
        Assert.Equal(ResourceVector.Of(4, 8), QuotaPlan.ShareOf(ResourceVector.Of(6, 12), ResourceVector.Of(8, 16), total));
    }

    [Fact]
    public void Ledger_RoundTripsThroughItsJson_AndSkipsMalformedEntries()
    {
        var ledger = GrantLedger.Empty.With(new LedgerEntry("a", ResourceVector.Of(2, 4, 10, 1), "nova")).With(new LedgerEntry("b", ResourceVector.Of(1, 1), null));
        var json = ledger.ToJson();
        json["broken"] = "not an entry";

        var back = GrantLedger.Parse(json);

        Assert.Equal(2, back.Entries.Count);
        Assert.Equal(ledger.Entries["a"], back.Entries["a"]);
        Assert.Equal(ResourceVector.Of(3, 5, 10, 1), back.Total);
    }
}
