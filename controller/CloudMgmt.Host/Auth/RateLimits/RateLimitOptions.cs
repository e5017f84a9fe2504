namespace CloudMgmt.Host.Auth.RateLimits;

/// <summary>
/// How fast callers may go (section <c>RateLimits</c>): a token bucket per API key (or signed-in
/// user), sized by the key's role, and one per source address that only failed authentications
/// draw on. The defaults are far above what a person or a province's portal sends; they stop a
/// runaway script or a flood, not work. Checked at start by <see cref="RateLimitOptionsValidator"/>.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Each operator key (default 5,000 at once, then 1,000 a second).</summary>
    public TokenBucketSettings Operator { get; set; } = new() { Burst = 5000, PerSecond = 1000 };

    /// <summary>Each department key (default 2,000 at once, then 200 a second).</summary>
    public TokenBucketSettings Department { get; set; } = new() { Burst = 2000, PerSecond = 200 };

    /// <summary>Each viewer key (default 2,000 at once, then 200 a second).</summary>
    public TokenBucketSettings Viewer { get; set; } = new() { Burst = 2000, PerSecond = 200 };

    /// <summary>Each metrics key (default 100 at once, then 5 a second: Prometheus scrapes every 15–60 s).</summary>
    public TokenBucketSettings Metrics { get; set; } = new() { Burst = 100, PerSecond = 5 };

    /// <summary>Failed authentications per source address (default 100 at once, then 60 a minute).</summary>
    public FailedAuthenticationSettings FailedAuthentication { get; set; } = new();

    public TokenBucketSettings For(Grains.Keys.ApiRole role) => role switch
    {
        Grains.Keys.ApiRole.Operator => Operator,
        Grains.Keys.ApiRole.Department => Department,
        Grains.Keys.ApiRole.Viewer => Viewer,
        _ => Metrics,
    };
}

/// <summary>A token bucket: <see cref="Burst"/> requests at once, refilled by <see cref="PerSecond"/> each second.</summary>
public sealed class TokenBucketSettings
{
    public const int Max = 1_000_000;

    /// <summary>Requests that may arrive at once (the bucket's size), 1 to 1,000,000.</summary>
    public int Burst { get; set; }

    /// <summary>Requests a second once the burst is spent (the refill), 1 to 1,000,000.</summary>
    public int PerSecond { get; set; }
}

/// <summary>Failed authentications an address may make: <see cref="Burst"/> at once, then <see cref="PerMinute"/> a minute.</summary>
public sealed class FailedAuthenticationSettings
{
    /// <summary>1 to 100,000 (default 100).</summary>
    public int Burst { get; set; } = 100;

    /// <summary>1 to 60,000 (default 60).</summary>
    public int PerMinute { get; set; } = 60;
}
