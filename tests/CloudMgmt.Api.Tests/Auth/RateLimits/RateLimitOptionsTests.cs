using CloudMgmt.Host.Hosting.Settings;
using Microsoft.Extensions.Configuration;

namespace CloudMgmt.Api.Tests.Auth.RateLimits;

/// <summary>The rate limits are settings like any other: checked at start, every bad one named.</summary>
public sealed class RateLimitOptionsTests
{
    [Fact]
    public void Check_Defaults_NoProblem() => Assert.DoesNotContain(SettingsCatalog.Check(Configuration([])), p => p.Contains("RateLimits", StringComparison.Ordinal));

    [Fact]
    public void Check_EveryBadLimit_ReportedTogetherNamingTheSetting()
    {
        var problems = SettingsCatalog.Check(Configuration(new()
        {
            ["RateLimits:Viewer:Burst"] = "0", ["RateLimits:Metrics:PerSecond"] = "1000001", ["RateLimits:FailedAuthentication:PerMinute"] = "-1",
        }));

        Assert.Contains(problems, p => p.StartsWith("RateLimits:Viewer:Burst: ", StringComparison.Ordinal) && p.Contains("between 1 and 1000000", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("RateLimits:Metrics:PerSecond: ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("RateLimits:FailedAuthentication:PerMinute: ", StringComparison.Ordinal));
        Assert.Equal(3, problems.Count);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
