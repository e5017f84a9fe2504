using System.ComponentModel.DataAnnotations;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Pools;

namespace CloudMgmt.Application.Pools;

public sealed record CreatePoolRequest(
    string? Id, string? Parent, [property: MaxLength(TextRules.DisplayNameMax)] string? DisplayName, Dictionary<string, long>? Quota,
    Dictionary<string, long>? BorrowingLimit, Dictionary<string, long>? LendingLimit, Dictionary<string, long>? ApprovalThreshold);

public sealed record UpdatePoolRequest(
    [property: MaxLength(TextRules.DisplayNameMax)] string? DisplayName, Dictionary<string, long>? Quota,
    Dictionary<string, long>? BorrowingLimit, Dictionary<string, long>? LendingLimit, Dictionary<string, long>? ApprovalThreshold);

/// <param name="Reserved">What is charged to the pool; null for a department where other tenants' allocations are counted in it.</param>
/// <param name="Borrowed">The part of <paramref name="Reserved"/> above the subtree quota; null where it is.</param>
/// <param name="Reservations">How many allocations hold quota here; null where <paramref name="Reserved"/> is.</param>
public sealed record PoolResponse(
    string Id, string? Parent, string? DisplayName, IReadOnlyDictionary<string, long> Quota,
    IReadOnlyDictionary<string, long>? BorrowingLimit, IReadOnlyDictionary<string, long>? LendingLimit,
    IReadOnlyDictionary<string, long>? ApprovalThreshold, IReadOnlyDictionary<string, long> SubtreeQuota,
    IReadOnlyDictionary<string, long>? Reserved, IReadOnlyDictionary<string, long>? Borrowed, int? Reservations)
{
    public static PoolResponse From(PoolSpec spec, PoolUsage usage, bool showUsage = true) => new(
        spec.Id, spec.Parent, spec.DisplayName, Map(spec.Quota), spec.BorrowingLimit is null ? null : Map(spec.BorrowingLimit),
        spec.LendingLimit, spec.ApprovalThreshold, Map(usage.Limits.SubtreeQuota), showUsage ? Map(usage.Reserved) : null,
        showUsage ? Map(usage.Borrowed) : null, showUsage ? usage.Reservations : null);

    public static IReadOnlyDictionary<string, long> Map(ResourceVector v) => v.ToDictionary();
}

public sealed record PoolTreeNode(PoolResponse Pool, IReadOnlyList<PoolTreeNode> Children);
