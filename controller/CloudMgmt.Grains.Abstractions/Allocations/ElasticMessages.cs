using CloudMgmt.Domain.Elastic;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Grains.Allocations;

/// <summary>An elastic decision for the allocation to carry out; <see cref="Reason"/> (with the numbers that triggered it) goes into its history.</summary>
[GenerateSerializer, Immutable]
public sealed record ElasticCommand(
    ElasticAction Action, string Reason, ResourceVector? Target = null, DateTimeOffset? IdleSince = null, DateTimeOffset? ReclaimAt = null);

/// <summary>What an elastic command did.</summary>
[GenerateSerializer]
public enum ElasticApplied
{
    /// <summary>Nothing: the allocation was not in a state to take it (not Ready, already marked, ...).</summary>
    Skipped,
    Grown,

    /// <summary>The grow crosses an approval threshold and waits for an operator (approve or reject the allocation).</summary>
    GrowRequested,
    Shrunk,
    MarkedIdle,
    IdleCleared,
    Reclaimed,

    /// <summary>Refused: the quota tree or the cloud has no room, or the reclaim is no longer allowed.</summary>
    Refused,
}

/// <param name="Freed">What the action gave back (a shrink's difference, a reclaim's whole size).</param>
[GenerateSerializer, Immutable]
public sealed record ElasticResult(ElasticApplied Applied, string Detail, ResourceVector Freed)
{
    public static ElasticResult Skipped(string why) => new(ElasticApplied.Skipped, why, ResourceVector.Zero);
}

/// <summary>The elastic state of an allocation, as shown to users and read by the elastic controller.</summary>
/// <param name="IdleSince">Set while marked idle: since when its use has been under the idle threshold.</param>
/// <param name="ReclaimAt">When an idle grant is due for reclaim, before any postponement.</param>
/// <param name="PendingGrow">A grow waiting for an operator's approval.</param>
[GenerateSerializer, Immutable]
public sealed record AllocationElasticView(
    DateTimeOffset? IdleSince, DateTimeOffset? IdleMarkedAt, DateTimeOffset? ReclaimAt, bool Protected, DateTimeOffset? PostponedUntil,
    DateTimeOffset? LastActionAt, ResourceVector? PendingGrow, string? PendingGrowReason);
