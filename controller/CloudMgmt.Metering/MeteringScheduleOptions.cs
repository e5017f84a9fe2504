using System.ComponentModel.DataAnnotations;

namespace CloudMgmt.Metering;

/// <summary>Metering's jobs and catalogue (section <c>Metering</c>, beside MeteringOptions).</summary>
public sealed class MeteringScheduleOptions
{
    /// <summary>How often what is past retention is deleted.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How often the budget gauges are recomputed.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan BudgetRefresh { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Priced service catalogue YAML; the shipped default when unset.</summary>
    public string? CatalogueFile { get; set; }
}
