using System.ComponentModel.DataAnnotations;

namespace CloudMgmt.Reconciliation.Clouds;

/// <summary>The schedules of the reconciler (section <c>Reconcile</c>; <c>StuckAfter</c> is in StuckWorkOptions).</summary>
public sealed class ReconcileScheduleOptions
{
    /// <summary>How often every cloud's inventory is refreshed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan InventoryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often every cloud's grants are reconciled.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan GrantInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Remove grants that carry our marks and have no allocation (false: report them only).</summary>
    public bool RemoveLeaks { get; set; }
}
