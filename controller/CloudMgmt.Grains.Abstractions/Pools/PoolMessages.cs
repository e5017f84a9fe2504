using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Grains.Pools;

/// <summary>A pool's configuration as operators give it.</summary>
[GenerateSerializer, Immutable]
public sealed record PoolSpec(
    string Id,
    string? Parent,
    string? DisplayName,
    ResourceVector Quota,
    ResourceVector? BorrowingLimit,
    IReadOnlyDictionary<string, long>? LendingLimit,
    IReadOnlyDictionary<string, long>? ApprovalThreshold)
{
    public PoolDefinition ToDefinition() => new(Id, Parent, Quota, BorrowingLimit, LendingLimit, ApprovalThreshold);
}

/// <summary>A change to a pool; null fields stay as they are.</summary>
[GenerateSerializer, Immutable]
public sealed record PoolUpdate(
    string? DisplayName,
    ResourceVector? Quota,
    ResourceVector? BorrowingLimit,
    IReadOnlyDictionary<string, long>? LendingLimit,
    IReadOnlyDictionary<string, long>? ApprovalThreshold);

/// <summary>What a pool holds right now, from its own grain.</summary>
/// <param name="Unconfirmed">
/// Reservations whose allocation has not confirmed them yet: a request in progress, or one that a
/// crash interrupted, which the pool drops once its allocation says it does not hold it.
/// </param>
[GenerateSerializer, Immutable]
public sealed record PoolUsage(PoolLimits Limits, ResourceVector Reserved, ResourceVector Borrowed, int Reservations, int Unconfirmed);

/// <summary>The pools from a tenant's pool up to the root, leaf first, with their approval thresholds.</summary>
[GenerateSerializer, Immutable]
public sealed record AdmissionPath(IReadOnlyList<string> PoolIds, IReadOnlyList<IReadOnlyDictionary<string, long>?> Thresholds);
