using System.Net;
using CloudMgmt.Security.Tests.Infrastructure;

namespace CloudMgmt.Security.Tests.Input;

/// <summary>
/// Bodies a lenient reader would take: amounts as strings, a field it does not know, a field given
/// twice. Each is a 400 naming the field, on every endpoint that takes a body, and changes nothing.
/// "{alloc}" stands for the seeded allocation of the department's tenant.
/// </summary>
public sealed class StrictJsonProbes(ProbeTarget target) : IClassFixture<ProbeTarget>
{
    public static TheoryData<string, string, string, string> UnknownFields => new()
    {
        { "POST", "/api/v1/pools", """{"id":"probe","quota":{"vcpu":1},"colour":"blue"}""", "colour" },
        { "PATCH", "/api/v1/pools/hefei-health", """{"quota":{"vcpu":40},"qouta":{"vcpu":1}}""", "qouta" },
        { "POST", "/api/v1/tenants", """{"id":"probe","pool":"hefei-health","owner":"x"}""", "owner" },
        { "POST", "/api/v1/allocations", """{"tenant":"health-commission","resources":{"vcpu":1},"priorty":5}""", "priorty" },
        { "PATCH", "/api/v1/allocations/{alloc}", """{"resources":{"vcpu":5},"force":true}""", "force" },
        { "POST", "/api/v1/allocations/{alloc}/approve", """{"reason":"ok","by":"someone-else"}""", "by" },
        { "POST", "/api/v1/keys", """{"role":"viewer","name":"probe","expires":"never"}""", "expires" },
        { "POST", "/api/v1/clouds", """{"id":"probe","kind":"sandbox","region":"anhui","colour":"x"}""", "colour" },
        { "POST", "/api/v1/allocations/{alloc}/protect", """{"protected":true,"forever":true}""", "forever" },
        { "POST", "/api/v1/allocations/{alloc}/postpone", """{"for":"P1D","why":"x"}""", "why" },
    };

    public static TheoryData<string, string, string, string> DuplicateFields => new()
    {
        { "POST", "/api/v1/pools", """{"id":"probe-a","id":"probe-b","quota":{"vcpu":1}}""", "id" },
        { "POST", "/api/v1/pools", """{"id":"probe","quota":{"vcpu":1,"vcpu":2}}""", "quota.vcpu" },
        { "POST", "/api/v1/tenants", """{"id":"probe","pool":"hefei-health","pool":"hefei-transport"}""", "pool" },
        { "POST", "/api/v1/allocations", """{"tenant":"health-commission","tenant":"transport-bureau","resources":{"vcpu":1}}""", "tenant" },
        { "PATCH", "/api/v1/allocations/{alloc}", """{"resources":{"vcpu":5,"vcpu":6}}""", "resources.vcpu" },
        { "POST", "/api/v1/keys", """{"role":"viewer","role":"operator"}""", "role" },
    };

    public static TheoryData<string, string, string, string> AmountsAsStrings => new()
    {
        { "POST", "/api/v1/pools", """{"id":"probe","quota":{"vcpu":"1"}}""", "quota.vcpu" },
        { "PATCH", "/api/v1/pools/hefei-health", """{"approvalThreshold":{"vcpu":"24"}}""", "approvalThreshold.vcpu" },
        { "POST", "/api/v1/allocations", """{"tenant":"health-commission","resources":{"vcpu":"1"}}""", "resources.vcpu" },
        { "POST", "/api/v1/allocations", """{"tenant":"health-commission","resources":{"vcpu":1},"priority":"5"}""", "priority" },
        { "PATCH", "/api/v1/allocations/{alloc}", """{"resources":{"memoryGiB":"32"}}""", "resources.memoryGiB" },
        { "POST", "/api/v1/allocations", """{"tenant":"health-commission","resources":{"vcpu":1.5}}""", "resources.vcpu" },
        { "POST", "/api/v1/allocations/{alloc}/protect", """{"protected":"true"}""", "protected" },
    };

    [Theory]
    [MemberData(nameof(UnknownFields))]
    public Task Body_UnknownField_Is400NamingIt(string method, string url, string body, string field) => ProbeAsync(method, url, body, field);

    [Theory]
    [MemberData(nameof(DuplicateFields))]
    public Task Body_FieldGivenTwice_Is400NamingIt(string method, string url, string body, string field) => ProbeAsync(method, url, body, field);

    [Theory]
    [MemberData(nameof(AmountsAsStrings))]
    public Task Body_NumberWrittenAsStringOrFraction_Is400NamingIt(string method, string url, string body, string field) =>
        ProbeAsync(method, url, body, field);

    [Theory]
    [InlineData("""{"id":"probe","quota":{"vcpu":1}} trailing""")]
    [InlineData("""{"id":"probe","quota":{"vcpu":1},}""")]
    [InlineData("""{"id":"probe","quota":{"vcpu":1}""")]
    public async Task Body_NotJson_Is400SayingSo(string body)
    {
        var problem = await target.RefusesAsync(HttpStatusCode.BadRequest, () => target.Operator.PostJson("/api/v1/pools", body));

        Assert.Contains("not valid JSON", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_NestedDeeperThanAnyRequest_Is400()
    {
        var deep = new string('[', 200) + new string(']', 200);

        await target.RefusesAsync(HttpStatusCode.BadRequest,
            () => target.Operator.PostJson("/api/v1/pools", $$"""{"id":"probe","quota":{"vcpu":1},"displayName":{{deep}}}"""));
    }

    private async Task ProbeAsync(string method, string url, string body, string field)
    {
        var problem = await target.RefusesAsync(HttpStatusCode.BadRequest, () => target.SendAsOperator(method, url, body));

        Assert.Equal(field, problem.Str("field"));
        Assert.DoesNotContain("CloudMgmt.", problem.ToJsonString(), StringComparison.Ordinal); // no .NET type names
    }
}
