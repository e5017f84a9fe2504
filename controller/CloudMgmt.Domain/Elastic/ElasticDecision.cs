using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Domain.Elastic;

public enum ElasticAction
{
    None,

    /// <summary>Resize up to <see cref="ElasticDecision.Target"/> (through admission; above a threshold it waits for approval).</summary>
    Grow,

    /// <summary>Resize down to <see cref="ElasticDecision.Target"/>.</summary>
    Shrink,

    /// <summary>Mark the grant idle; reclaim is due at <see cref="ElasticDecision.ReclaimAt"/>.</summary>
    MarkIdle,

    /// <summary>The grant is used again: forget the idle mark.</summary>
    ClearIdle,

    /// <summary>Release the grant.</summary>
    Reclaim,
}

/// <summary>What to do with one grant, and the numbers that say why (they go into the allocation's history).</summary>
public sealed record ElasticDecision(
    ElasticAction Action, string Reason, ResourceVector? Target = null, DateTimeOffset? IdleSince = null, DateTimeOffset? ReclaimAt = null)
{
    public static ElasticDecision None { get; } = new(ElasticAction.None, "");
}
