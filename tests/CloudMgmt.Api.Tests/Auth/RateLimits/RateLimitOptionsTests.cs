using CloudMgmt.Api.Tests.Infrastructure;
using CloudMgmt.Host.Auth.RateLimits;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Api.Tests.Auth.RateLimits;

public sealed class RateLimitOptionsTests
{
    [Fact]
    public void Validate_Defaults_Valid() => Assert.True(new RateLimitOptionsValidator().Validate(null, new RateLimitOptions()).Succeeded);

    [Fact]
    public void Validate_EveryMistake_ReportedTogetherNamingTheSetting()
    {
        var options = new RateLimitOptions();
        options.Viewer.Burst = 0;
        options.Metrics.PerSecond = TokenBucketSettings.Max + 1;
        options.FailedAuthentication.PerMinute = -1;

        var result = new RateLimitOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            ["RateLimits:Viewer:Burst must be from 1 to 1,000,000 (got 0)", "RateLimits:Metrics:PerSecond must be from 1 to 1,000,000 (got 1000001)",
                "RateLimits:FailedAuthentication:PerMinute must be from 1 to 60,000 (got -1)"],
            result.Failures!);
    }

    [Fact]
    public void Start_WithABadLimit_StopsNamingTheSetting()
    {
        using var factory = new ControllerFactory();
        factory.Settings["RateLimits:Department:PerSecond"] = "0";

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("RateLimits:Department:PerSecond must be from 1", error.Message, StringComparison.Ordinal);
    }
}
