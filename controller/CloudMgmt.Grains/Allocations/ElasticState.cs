namespace CloudMgmt.Grains.Allocations;

/// <summary>What the elastic controller and the operators set on one allocation (see <see cref="AllocationElasticView"/>).</summary>
[GenerateSerializer]
public sealed class ElasticState
{
    [Id(0)] public DateTimeOffset? IdleSince { get; set; }
    [Id(1)] public DateTimeOffset? IdleMarkedAt { get; set; }
    [Id(2)] public DateTimeOffset? ReclaimAt { get; set; }
    [Id(3)] public bool Protected { get; set; }
    [Id(4)] public DateTimeOffset? PostponedUntil { get; set; }
    [Id(5)] public DateTimeOffset? LastActionAt { get; set; }
    [Id(6)] public Dictionary<string, long>? PendingGrow { get; set; }
    [Id(7)] public string? PendingGrowReason { get; set; }

    /// <summary>The last refusal written to the history, so that a grow refused every pass is recorded once.</summary>
    [Id(8)] public string? LastRefusal { get; set; }

    public void ClearIdle()
    {
        IdleSince = null;
        IdleMarkedAt = null;
        ReclaimAt = null;
    }
}
