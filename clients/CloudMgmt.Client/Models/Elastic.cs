namespace CloudMgmt.Client.Models;

/// <summary>A grow above an approval threshold, waiting for an operator.</summary>
/// <param name="Resources">The size it would grow to.</param>
/// <param name="Reason">Why the elastic policy asked.</param>
public sealed record PendingGrow(IReadOnlyDictionary<string, long> Resources, string? Reason);

/// <summary>The elastic state of an allocation.</summary>
/// <param name="Protected">Elastic shrink and reclaim never touch it.</param>
/// <param name="PostponedUntil">Reclaim is postponed until then.</param>
/// <param name="IdleMarkedAt">When it was marked idle.</param>
/// <param name="LastActionAt">When the elastic policy last acted on it.</param>
/// <param name="PendingGrow">A grow waiting for approval.</param>
public sealed record ElasticState(
    bool Protected, DateTimeOffset? PostponedUntil, DateTimeOffset? IdleMarkedAt, DateTimeOffset? LastActionAt, PendingGrow? PendingGrow);

/// <summary>Protection from elastic shrink and reclaim.</summary>
public sealed record Protection
{
    /// <summary>True to protect, false to lift it.</summary>
    public required bool Protected { get; init; }
}

/// <summary>Postpone a reclaim: give <see cref="Until"/> or <see cref="For"/>, not both.</summary>
public sealed record Postponement
{
    /// <summary>Until this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>For this long, as an ISO 8601 duration (P1D, PT12H).</summary>
    public string? For { get; init; }
}

/// <summary>Something the elastic policy did or was refused.</summary>
/// <param name="At">When.</param>
/// <param name="Kind">idle, idle_cleared, grow, grow_requested, shrink, reclaim or refused.</param>
/// <param name="AllocationId">The allocation.</param>
/// <param name="Tenant">Its tenant.</param>
/// <param name="Pool">Its pool.</param>
/// <param name="Cloud">The cloud of the grant.</param>
/// <param name="Message">What happened.</param>
public sealed record ElasticEvent(DateTimeOffset At, string Kind, string AllocationId, string Tenant, string Pool, string Cloud, string Message);

/// <summary>A list of elastic events.</summary>
/// <param name="Items">Oldest first.</param>
public sealed record ElasticEvents(IReadOnlyList<ElasticEvent> Items);
