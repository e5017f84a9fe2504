using System.ComponentModel.DataAnnotations;

namespace CloudMgmt.Reconciliation.Elastic;

/// <summary>The elastic pass (section <c>Elastic</c>).</summary>
public sealed class ElasticScheduleOptions
{
    public bool Enabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Elastic policy YAML; the shipped policies/elastic/default.yaml when unset.</summary>
    public string? PolicyFile { get; set; }
}
