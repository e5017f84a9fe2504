using System.ComponentModel.DataAnnotations;

namespace CloudMgmt.Application.Audit;

/// <summary>The audit trail's retention (section <c>Audit</c>).</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>How many days records are kept. Default 180: MLPS level 3 asks for at least six months.</summary>
    [Range(1, 36500)]
    public int RetentionDays { get; set; } = 180;

    /// <summary>How often older records are pruned. Default hourly.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);
}
