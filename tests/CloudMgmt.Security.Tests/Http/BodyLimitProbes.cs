using System.Net;
using CloudMgmt.Security.Tests.Infrastructure;

namespace CloudMgmt.Security.Tests.Http;

/// <summary>The body limit is a setting (Limits:MaxRequestBodyBytes), validated at start.</summary>
public sealed class BodyLimitProbes(BodyLimitProbes.SmallBodies target) : IClassFixture<BodyLimitProbes.SmallBodies>
{
    public sealed class SmallBodies : ProbeTarget
    {
        protected override IEnumerable<string> Arguments => [.. base.Arguments, "--Limits:MaxRequestBodyBytes", "4096"];
    }

    [Fact]
    public async Task Body_OverTheConfiguredLimit_Is413AndUnderIsServed()
    {
        var problem = await target.RefusesAsync(HttpStatusCode.RequestEntityTooLarge, () => target.Operator.Post("/api/v1/tenants",
            new { id = "probe", pool = SeededState.Department, displayName = new string('x', 5000) }));

        Assert.Contains("4096 bytes", problem.Str("detail"), StringComparison.Ordinal);
        await target.Operator.Post("/api/v1/tenants", new { id = "probe", pool = SeededState.Department, displayName = new string('x', 200) })
            .Expect(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("--Limits:MaxRequestBodyBytes", "10", "MaxRequestBodyBytes")]
    [InlineData("--Limits:MaxUrlLength", "abc", "MaxUrlLength")]
    public async Task Start_LimitOutOfRange_StopsTheStartNamingTheSetting(string setting, string value, string named)
    {
        using var data = new TempDirectory("cloudmgmt-security-limits");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ControllerProcess.StartAsync(data.Path, setting, value));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }
}
