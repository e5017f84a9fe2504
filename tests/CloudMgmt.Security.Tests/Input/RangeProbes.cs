using System.Net;
using CloudMgmt.Security.Tests.Infrastructure;

namespace CloudMgmt.Security.Tests.Input;

/// <summary>
/// Numbers, times and durations at the edges of their types: each was a 500 (an overflow inside)
/// or silently taken; each is a 400 naming the field, and changes nothing.
/// </summary>
public sealed class RangeProbes(ProbeTarget target) : IClassFixture<ProbeTarget>
{
    public static TheoryData<string, string, string, string> Bodies => new()
    {
        { "POST", "/api/v1/pools", """{"id":"probe","parent":"wuhu","quota":{"vcpu":9223372036854775807}}""", "quota.vcpu" },
        { "POST", "/api/v1/pools", """{"id":"probe","parent":"wuhu","quota":{"vcpu":9223372036854775808}}""", "quota.vcpu" },
        { "POST", "/api/v1/pools", """{"id":"probe","parent":"wuhu","quota":{"vcpu":-1}}""", "quota.vcpu" },
        { "PATCH", "/api/v1/pools/anhui", """{"quota":{"vcpu":9223372036854775807,"memoryGiB":512}}""", "quota.vcpu" },
        { "PATCH", "/api/v1/pools/hefei", """{"borrowingLimit":{"vcpu":9223372036854775807}}""", "borrowingLimit.vcpu" },
        { "PATCH", "/api/v1/pools/hefei", """{"lendingLimit":{"vcpu":9223372036854775807}}""", "lendingLimit.vcpu" },
        { "POST", "/api/v1/allocations", """{"tenant":"health-commission","resources":{"vcpu":9223372036854775807}}""", "resources.vcpu" },
        { "POST", "/api/v1/allocations", """{"tenant":"health-commission","resources":{"vcpu":1},"priority":2147483648}""", "priority" },
        { "PATCH", "/api/v1/allocations/{alloc}", """{"resources":{"memoryGiB":9223372036854775807}}""", "resources.memoryGiB" },
        { "PATCH", "/api/v1/allocations/{alloc}", """{"resources":{"memoryGiB":-4}}""", "resources.memoryGiB" },
        { "POST", "/api/v1/allocations?dryRun=yes", """{"tenant":"health-commission","resources":{"vcpu":1}}""", "dryRun" },
        { "POST", "/api/v1/allocations/{alloc}/postpone", """{"for":"P99999999Y"}""", "for" },
        { "POST", "/api/v1/allocations/{alloc}/postpone", """{"until":"9999-12-31T23:59:59Z"}""", "until" },
        { "POST", "/api/v1/allocations/{alloc}/postpone", """{"until":"0001-01-01T00:00:00Z"}""", "until" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Body_ValueBeyondItsRange_Is400NamingTheField(string method, string url, string body, string field)
    {
        var problem = await target.RefusesAsync(HttpStatusCode.BadRequest, () => target.SendAsOperator(method, url, body));

        Assert.Equal(field, problem.Str("field"));
    }

    [Theory]
    [InlineData("/api/v1/reports/efficiency?to=0001-01-01T00:30:00Z", "to")]
    [InlineData("/api/v1/reports/efficiency?from=0001-01-01T00:00:00Z&to=0001-01-01T01:00:00Z", "from")]
    [InlineData("/api/v1/reports/efficiency?from=9999-12-31T23:00:00Z", "from")]
    [InlineData("/api/v1/reports/efficiency?to=not-a-time", "to")]
    [InlineData("/api/v1/events?since=0001-01-01T00:00:00Z", "since")]
    [InlineData("/api/v1/events?limit=99999999999", "limit")]
    [InlineData("/api/v1/events?limit=0", "limit")]
    [InlineData("/api/v1/allocations?limit=-1", "limit")]
    [InlineData("/api/v1/allocations?limit=2147483648", "limit")]
    [InlineData("/api/v1/allocations?status=Everything", "status")]
    [InlineData("/api/v1/allocations?tenant=Health_Commission", "tenant")]
    [InlineData("/api/v1/allocations?after=no-slash", "after")]
    [InlineData("/api/v1/reports/efficiency?by=region", "by")]
    [InlineData("/api/v1/reports/efficiency?format=xml", "format")]
    [InlineData("/api/v1/events?kind=everything", "kind")]
    public async Task QueryValue_BeyondItsRangeOrType_Is400NamingIt(string url, string field)
    {
        var problem = await target.RefusesAsync(HttpStatusCode.BadRequest, () => target.Department.GetAsync(url));

        Assert.Equal(field, problem.Str("field"));
    }

    [Fact]
    public async Task QueryValue_Huge_IsEchoedCutShort()
    {
        var problem = await target.RefusesAsync(HttpStatusCode.BadRequest,
            () => target.Operator.GetAsync("/api/v1/allocations?limit=" + new string('9', 6000)));

        Assert.Equal("limit", problem.Str("field"));
        Assert.DoesNotContain(new string('9', 100), problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quota_LargestAllowedAmount_IsAcceptedAndOneMoreIsNot()
    {
        var over = await target.RefusesAsync(HttpStatusCode.BadRequest, () => target.Operator.Post("/api/v1/pools",
            new { id = "probe-max", parent = SeededState.OtherCity, quota = new { vcpu = 1_000_000_000_001 } }));

        Assert.Equal("quota.vcpu", over.Str("field"));
        await target.Operator.Post("/api/v1/pools", new { id = "probe-max", parent = SeededState.OtherCity, quota = new { vcpu = 1_000_000_000_000 } })
            .Expect(HttpStatusCode.Created);
        await target.Operator.GetAsync("/api/v1/pools/tree").Expect(HttpStatusCode.OK);
    }
}
