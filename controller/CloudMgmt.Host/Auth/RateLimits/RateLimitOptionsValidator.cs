using Microsoft.Extensions.Options;

namespace CloudMgmt.Host.Auth.RateLimits;

/// <summary>Every out-of-range rate limit at once, each named by its full setting ("RateLimits:Viewer:Burst").</summary>
internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var errors = new List<string>();
        foreach (var (role, bucket) in new[]
        {
            (nameof(options.Operator), options.Operator), (nameof(options.Department), options.Department),
            (nameof(options.Viewer), options.Viewer), (nameof(options.Metrics), options.Metrics),
        })
        {
            Check(errors, $"{role}:{nameof(bucket.Burst)}", bucket.Burst, TokenBucketSettings.Max);
            Check(errors, $"{role}:{nameof(bucket.PerSecond)}", bucket.PerSecond, TokenBucketSettings.Max);
        }

        Check(errors, "FailedAuthentication:Burst", options.FailedAuthentication.Burst, 100_000);
        Check(errors, "FailedAuthentication:PerMinute", options.FailedAuthentication.PerMinute, 60_000);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, string setting, int value, int max)
    {
        if (value < 1 || value > max)
        {
            errors.Add($"{RateLimitOptions.Section}:{setting} must be from 1 to {max:N0} (got {value})");
        }
    }
}
