namespace CloudMgmt.Grains.Usage;

[GenerateSerializer]
public sealed class ElasticEventsState
{
    [Id(0)] public List<ElasticEvent> Events { get; set; } = [];
}

/// <summary>
/// The elastic event feed behind <c>GET /api/v1/events</c>. Persisted (an idle mark is a notice
/// that must survive a restart until its grant is reclaimed), and bounded: the oldest events go
/// first once <see cref="MaxEvents"/> are kept. The state of each allocation (idle since, reclaim
/// at) stays on the allocation itself; this is the feed of what happened.
/// </summary>
public sealed class ElasticEventsGrain([PersistentState("elasticEvents")] IPersistentState<ElasticEventsState> state) : Grain, IElasticEventsGrain
{
    public const string Key = "elastic";
    public const int MaxEvents = 2000;

    public async Task Add(IReadOnlyList<ElasticEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        var list = state.State.Events;
        list.AddRange(events);
        if (list.Count > MaxEvents)
        {
            list.RemoveRange(0, list.Count - MaxEvents);
        }

        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ElasticEvent>> List(string? kind, string? tenant, DateTimeOffset? since, int limit)
    {
        IReadOnlyList<ElasticEvent> result = state.State.Events
            .Where(e => (kind is null || e.Kind == kind) && (tenant is null || e.Tenant == tenant) && (since is null || e.At >= since))
            .TakeLast(Math.Max(0, limit))
            .ToList();
        return Task.FromResult(result);
    }
}
