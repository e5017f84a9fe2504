namespace CloudMgmt.Grains.Usage;

/// <summary>How much usage history a cloud's usage grain keeps (configuration section <c>Usage</c>).</summary>
public sealed class UsageHistoryOptions
{
    /// <summary>Points kept per grant. Default 1440: a day at the default resolution.</summary>
    public int MaxPoints { get; set; } = 1440;

    /// <summary>One point per grant per bucket of this length (the newest sample in it). Default 1 minute.</summary>
    public TimeSpan Resolution { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A grant not observed for longer than this is forgotten. Default 24 hours.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);
}
