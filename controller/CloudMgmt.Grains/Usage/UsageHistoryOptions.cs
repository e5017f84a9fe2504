using System.ComponentModel.DataAnnotations;

namespace CloudMgmt.Grains.Usage;

/// <summary>What a cloud's usage grain keeps in memory for the elastic policy (configuration section <c>Usage</c>).</summary>
public sealed class UsageHistoryOptions
{
    /// <summary>A grant not observed for longer than this is forgotten (its elastic windows start again if it comes back). Default 24 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);
}
