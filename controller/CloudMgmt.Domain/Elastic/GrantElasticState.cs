using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Domain.Elastic;

/// <summary>What the elastic controller knows about one grant besides its usage.</summary>
/// <param name="Resources">The allocation's size now.</param>
/// <param name="IdleSince">Set while the grant is marked idle: since when its use has been under the idle threshold (at least).</param>
/// <param name="IdleMarkedAt">When it was marked idle.</param>
/// <param name="ReclaimAt">When an idle grant is due to be reclaimed (before any postponement).</param>
/// <param name="Protected">An operator protected it: elastic never takes capacity from it (no shrink, no reclaim).</param>
/// <param name="PostponedUntil">An operator postponed its reclaim until then.</param>
/// <param name="LastActionAt">The last elastic resize: windows start again after it, so one spell of load triggers one step.</param>
/// <param name="GrowPending">A grow waits for an operator's approval; no other is asked for meanwhile.</param>
public sealed record GrantElasticState(
    ResourceVector Resources,
    DateTimeOffset? IdleSince = null,
    DateTimeOffset? IdleMarkedAt = null,
    DateTimeOffset? ReclaimAt = null,
    bool Protected = false,
    DateTimeOffset? PostponedUntil = null,
    DateTimeOffset? LastActionAt = null,
    bool GrowPending = false)
{
    /// <summary>When reclaim may happen: the later of the due time and the postponement; null when never (not idle, or protected).</summary>
    public DateTimeOffset? EffectiveReclaimAt =>
        IdleSince is null || Protected || ReclaimAt is null ? null
        : PostponedUntil is { } until && until > ReclaimAt ? until : ReclaimAt;
}
