using System.Net;
using System.Text.Json;
using CloudMgmt.Security.Tests.Infrastructure;

namespace CloudMgmt.Security.Tests.Input;

/// <summary>
/// Names and other strings: control characters (NUL, ESC, CR, LF, a bidirectional override) are
/// refused in every string field, map key and value, query, route and header value; display names
/// and key names are at most 256 characters; what a problem repeats of the input is cut short.
/// </summary>
public sealed class TextProbes(ProbeTarget target) : IClassFixture<ProbeTarget>
{
    public static TheoryData<string> Controls => new() { "\0", "\u001b[31m", "\r\n", "\n", "\u202e" };

    /// <summary>A body with "@" where the hostile string goes, and the field the problem must name.</summary>
    public static TheoryData<string, string, string, string> Fields => new()
    {
        { "POST", "/api/v1/pools", """{"id":"probe","displayName":@,"quota":{"vcpu":1}}""", "displayName" },
        { "PATCH", "/api/v1/pools/hefei-health", """{"displayName":@}""", "displayName" },
        { "POST", "/api/v1/tenants", """{"id":"probe","pool":"hefei-health","displayName":@}""", "displayName" },
        { "POST", "/api/v1/keys", """{"role":"viewer","name":@}""", "name" },
        { "POST", "/api/v1/allocations", """{"tenant":"health-commission","resources":{"vcpu":1},"constraints":{"zone":@}}""", "constraints.zone" },
        { "POST", "/api/v1/allocations", """{"tenant":"health-commission","resources":{"vcpu":1},"constraints":{@:"x"}}""", "constraints" },
        { "POST", "/api/v1/allocations/{alloc}/reject", """{"reason":@}""", "reason" },
        { "POST", "/api/v1/clouds", """{"id":"probe","kind":"sandbox","region":@}""", "region" },
        { "POST", "/api/v1/clouds", """{"id":"probe","kind":"sandbox","region":"anhui","labels":{"tier":@}}""", "labels.tier" },
        { "POST", "/api/v1/allocations/{alloc}/postpone", """{"for":@}""", "for" },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task StringField_WithEachControlCharacter_Is400NamingTheField(string method, string url, string template, string field)
    {
        foreach (var control in Controls)
        {
            var body = template.Replace("@", JsonSerializer.Serialize("Hefei" + control + "Health"), StringComparison.Ordinal);
            var problem = await target.RefusesAsync(HttpStatusCode.BadRequest, () => target.SendAsOperator(method, url, body));

            Assert.Equal(field, problem.Str("field"));
            Assert.Contains("control characters", problem.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/api/v1/allocations?tenant=health%1Bcommission", "tenant")]
    [InlineData("/api/v1/allocations?after=health-commission%2Falloc%00", "after")]
    [InlineData("/api/v1/events?kind=idle%0D%0AX-Injected:%201", "kind")]
    [InlineData("/api/v1/pools/hefei%1B", "id")]
    public async Task QueryOrRouteValue_WithControlCharacter_Is400NamingIt(string url, string field)
    {
        var problem = await target.RefusesAsync(HttpStatusCode.BadRequest, () => target.Operator.GetAsync(url));

        Assert.Equal(field, problem.Str("field"));
    }

    [Fact]
    public async Task DisplayName_257Characters_Is400And256IsAccepted()
    {
        var problem = await target.RefusesAsync(HttpStatusCode.BadRequest, () => target.Operator.Post("/api/v1/tenants",
            new { id = "probe-long", pool = SeededState.Department, displayName = new string('x', 257) }));

        Assert.Equal("displayName", problem.Str("field"));
        Assert.Contains("at most 256 characters", problem.Str("detail") + problem["errors"]!.ToJsonString(), StringComparison.Ordinal);
        await target.Operator.Post("/api/v1/tenants", new { id = "probe-long", pool = SeededState.Department, displayName = new string('x', 256) })
            .Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task KeyName_257Characters_Is400()
    {
        var problem = await target.RefusesAsync(HttpStatusCode.BadRequest,
            () => target.Operator.Post("/api/v1/keys", new { role = "viewer", name = new string('k', 257) }));

        Assert.Equal("name", problem.Str("field"));
    }

    [Fact]
    public async Task RejectionReason_1025Characters_Is400()
    {
        var problem = await target.RefusesAsync(HttpStatusCode.BadRequest,
            () => target.Operator.Post($"/api/v1/allocations/{target.TenantAllocation}/reject", new { reason = new string('r', 1025) }));

        Assert.Equal("reason", problem.Str("field"));
    }

    [Fact]
    public async Task InvalidId_IsEchoedCutShortWithControlsEscaped()
    {
        var hostile = "\u001b]0;owned\u0007" + new string('a', 5000);

        var problem = await target.RefusesAsync(HttpStatusCode.BadRequest,
            () => target.Operator.Post("/api/v1/pools", new { id = hostile, quota = new { vcpu = 1 } }));

        var text = problem.ToJsonString();
        Assert.True(text.Length < 2000, $"the problem repeats too much of the input ({text.Length} characters)");
        Assert.DoesNotContain("\u001b", text, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('a', 100), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRouteId_LongAndHostile_Is404EchoedCutShort()
    {
        var problem = await target.RefusesAsync(HttpStatusCode.NotFound,
            () => target.Operator.GetAsync("/api/v1/tenants/" + new string('t', 3000)));

        Assert.DoesNotContain(new string('t', 100), problem.ToJsonString(), StringComparison.Ordinal);
    }
}
