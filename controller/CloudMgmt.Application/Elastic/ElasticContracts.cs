using CloudMgmt.Domain.Elastic;
using CloudMgmt.Application.Pools;
using CloudMgmt.Grains.Allocations;

namespace CloudMgmt.Application.Elastic;

public sealed record ProtectRequest(bool? Protected);

/// <param name="Until">Postpone the reclaim until this time; or</param>
/// <param name="For">for this long from now, as an ISO 8601 duration (e.g. "P1D", "PT12H").</param>
public sealed record PostponeRequest(DateTimeOffset? Until, string? For);

public sealed record PendingGrowResponse(IReadOnlyDictionary<string, long> Resources, string? Reason);

/// <summary>The elastic state of an allocation.</summary>
/// <param name="Protected">Elastic shrink and reclaim never touch it.</param>
/// <param name="PendingGrow">A grow above an approval threshold, waiting for an operator (approve or reject the allocation).</param>
public sealed record ElasticResponse(
    bool Protected, DateTimeOffset? PostponedUntil, DateTimeOffset? IdleMarkedAt, DateTimeOffset? LastActionAt, PendingGrowResponse? PendingGrow)
{
    /// <summary>The elastic fields of an allocation response: idle since, when it will be reclaimed (after any postponement; null when protected), and the rest.</summary>
    public static (DateTimeOffset? IdleSince, DateTimeOffset? ReclaimAt, ElasticResponse? Elastic) Fields(AllocationElasticView? e)
    {
        if (e is null)
        {
            return (null, null, null);
        }

        var reclaimAt = new GrantElasticState(Domain.Resources.ResourceVector.Zero, e.IdleSince, e.IdleMarkedAt, e.ReclaimAt, e.Protected, e.PostponedUntil).EffectiveReclaimAt;
        var pending = e.PendingGrow is null ? null : new PendingGrowResponse(PoolResponse.Map(e.PendingGrow), e.PendingGrowReason);
        return (e.IdleSince, reclaimAt, new ElasticResponse(e.Protected, e.PostponedUntil, e.IdleMarkedAt, e.LastActionAt, pending));
    }
}

public sealed record ElasticEventResponse(DateTimeOffset At, string Kind, string AllocationId, string Tenant, string Pool, string Cloud, string Message);

public sealed record ElasticEventsResponse(IReadOnlyList<ElasticEventResponse> Items);

/// <summary>The event feed's filters: ?kind=&tenant=&since=&limit=.</summary>
public sealed record EventFilter(string? Kind, string? Tenant, DateTimeOffset? Since, int? Limit);
