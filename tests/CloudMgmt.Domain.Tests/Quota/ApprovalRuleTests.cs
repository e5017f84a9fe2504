using System.Globalization;
using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Domain.Tests.Support;

namespace CloudMgmt.Domain.Tests.Quota;

public sealed class ApprovalRuleTests
{
    /// <summary>"gpu=0 vcpu=4": explicit zeros are kept, as they matter for thresholds.</summary>
    private static (string, IReadOnlyDictionary<string, long>?) Pool(string id, string? thresholds) =>
        (id, thresholds?.Split(' ').Select(p => p.Split('='))
            .ToDictionary(kv => kv[0], kv => long.Parse(kv[1], CultureInfo.InvariantCulture), StringComparer.Ordinal));

    [Theory]
    [InlineData("vcpu=8", null, null, "")]
    [InlineData("vcpu=8", "vcpu=8", null, "")]                          // equal is not above
    [InlineData("vcpu=9", "vcpu=8", null, "dept:vcpu:8")]
    [InlineData("vcpu=9 gpu=1", "gpu=0", "vcpu=4", "dept:gpu:0 city:vcpu:4")]
    [InlineData("vcpu=9", "gpu=0", null, "")]                          // zero asks only for what is requested
    [InlineData("vcpu=2 memoryGiB=64", "memoryGiB=32", "memoryGiB=16", "dept:memoryGiB:32 city:memoryGiB:16")]
    public void Reasons_Table_OnePerPoolAndResourceCrossed(string request, string? dept, string? city, string expected)
    {
        var reasons = ApprovalRule.Reasons(Vec.Parse(request), [Pool("dept", dept), Pool("city", city)]);

        Assert.Equal(expected, string.Join(' ', reasons.Select(r => $"{r.PoolId}:{r.Resource}:{r.Threshold}")));
        Assert.All(reasons, r => Assert.Equal(Vec.Parse(request)[r.Resource], r.Requested));
    }

    [Fact]
    public void ApprovalReason_ToString_ReadsForAnOperator() =>
        Assert.Equal(
            "pool 'city' asks approval above 16 memoryGiB (requested 64)",
            new ApprovalReason("city", ResourceNames.MemoryGiB, 64, 16).ToString());
}
