using Orleans.Concurrency;

namespace CloudMgmt.Grains.Usage;

/// <summary>One thing the elastic controller did or found (kind: idle, idle_cleared, grow, grow_requested, shrink, reclaim, refused), or the reconciler found (stuck: a grant not converged within Reconcile:StuckAfter).</summary>
[GenerateSerializer, Immutable]
public sealed record ElasticEvent(DateTimeOffset At, string Kind, string AllocationId, string Tenant, string Pool, string CloudId, string Message);

/// <summary>The recent elastic events of the whole controller, newest last (one grain, key <c>"elastic"</c>), bounded in size.</summary>
public interface IElasticEventsGrain : IGrainWithStringKey
{
    Task Add(IReadOnlyList<ElasticEvent> events);

    /// <summary>Events of one kind and tenant (either may be null for all), at or after <paramref name="since"/>, the newest <paramref name="limit"/>, oldest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<ElasticEvent>> List(string? kind, string? tenant, DateTimeOffset? since, int limit);
}
