using System.ComponentModel.DataAnnotations;

namespace CloudMgmt.Portal.Session;

/// <summary>The console (section <c>Console</c>): its sessions and how often open pages refresh; validated at start.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>A session nobody used for this long ends (page loads and actions in an open page both count). Default 30 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "12:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in however busy it is (and when its key expires, if sooner). Default 12 hours.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often an open page checks that its session still stands (signed out elsewhere, idle, key revoked or expired). Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RevalidateEvery { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>At most this many sessions live on one node; beyond it the one idle longest ends. Default 10,000.</summary>
    [Range(10, 1_000_000)]
    public int MaxSessions { get; set; } = 10_000;

    /// <summary>How often a page that watches something live (an allocation's status, the approvals queue) reads it again. Default 2 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:01:00")]
    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromSeconds(2);
}
