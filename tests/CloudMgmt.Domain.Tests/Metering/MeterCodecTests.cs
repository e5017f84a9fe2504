using CloudMgmt.Domain.Metering;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Domain.Usage;

namespace CloudMgmt.Domain.Tests.Metering;

public sealed class MeterCodecTests
{
    [Fact]
    public void Encode_TotalsWithKnownAndOtherResources_RoundTripsInAboutFortyBytes()
    {
        var totals = new MeterTotals();
        totals.AddStep(ResourceVector.Of(("vcpu", 8), ("memoryGiB", 32), ("nvidia.com/gpu", 1)), ResourceVector.Of(("vcpu", 3), ("memoryGiB", 20)), 3_600_000);

        var bytes = MeterCodec.Encode(totals);

        Assert.Equal(totals.ToString(), MeterCodec.Decode(bytes).ToString());
        Assert.InRange(bytes.Length, 20, 60);
    }

    [Fact]
    public void EncodeOpen_WithTheLastSample_RoundTrips()
    {
        var totals = new MeterTotals();
        totals.AddStep(ResourceVector.Of(("vcpu", 2)), ResourceVector.Zero, 1_000);
        var last = new UsageSample(DateTimeOffset.FromUnixTimeMilliseconds(1_795_000_000_123), ResourceVector.Of(("vcpu", 2)), ResourceVector.Of(("vcpu", 1)));

        var (decoded, sample, spent) = MeterCodec.DecodeOpen(MeterCodec.EncodeOpen(totals, last, lastSpent: true));

        Assert.Equal((totals.ToString(), last, true), (decoded.ToString(), sample, spent));
    }

    [Fact]
    public void Decode_OtherVersion_IsRefusedWithTheVersion()
    {
        var error = Assert.Throws<InvalidDataException>(() => MeterCodec.Decode([9, 0, 0]));

        Assert.Contains("version 9", error.Message, StringComparison.Ordinal);
    }
}
