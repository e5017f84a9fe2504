using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Sandbox;

/// <summary>How a simulated grant is used over time.</summary>
public enum UsageProfile
{
    /// <summary>About 60% of the grant, all the time.</summary>
    Steady,

    /// <summary>Starts at 20% and grows by 10 points an hour up to the whole grant.</summary>
    Growing,

    /// <summary>About 2%: a grant nobody uses.</summary>
    Idle,

    /// <summary>Quiet (20%) and busy (95%) spells of ten minutes, in a seeded order.</summary>
    Bursty,
}

/// <summary>Turns a grant, its profile and its age into a used vector. Pure: same inputs, same usage.</summary>
public static class UsageSimulator
{
    public const string ProfileLabel = "sandbox.cloudmgmt.io/profile";

    public static ResourceVector Used(ResourceVector granted, UsageProfile profile, TimeSpan age, int seed)
    {
        var share = profile switch
        {
            UsageProfile.Steady => 0.60,
            UsageProfile.Growing => Math.Min(1.0, 0.20 + (0.10 * Math.Max(0, age.TotalHours))),
            UsageProfile.Idle => 0.02,
            _ => BurstShare(age, seed),
        };
        return ResourceVector.From(granted.Entries.Select(e => new KeyValuePair<string, long>(e.Key, (long)Math.Floor(e.Value * share))));
    }

    public static UsageProfile ProfileOf(IReadOnlyDictionary<string, string> labels, UsageProfile fallback) =>
        labels.TryGetValue(ProfileLabel, out var name) && Enum.TryParse<UsageProfile>(name, ignoreCase: true, out var profile)
            ? profile
            : fallback;

    private static double BurstShare(TimeSpan age, int seed)
    {
        var spell = (long)Math.Max(0, age.TotalMinutes / 10);
        var busy = new Random(HashCode.Combine(seed, spell)).NextDouble() < 0.5;
        return busy ? 0.95 : 0.20;
    }
}
