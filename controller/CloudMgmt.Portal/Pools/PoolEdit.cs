using CloudMgmt.Application.Pools;
using CloudMgmt.Portal.Allocations;
using CloudMgmt.Portal.Components;

namespace CloudMgmt.Portal.Pools;

/// <summary>
/// An operator's edit of one pool: quota, borrowing and lending limits and approval thresholds, per
/// resource. Only what changed is sent (a field left as it was stays null, so the pool keeps it); the
/// application layer validates the whole change and stores nothing of an invalid one.
/// </summary>
public sealed class PoolEdit
{
    public static readonly IReadOnlyList<string> Fields = ["quota", "borrowingLimit", "lendingLimit", "approvalThreshold"];

    private readonly PoolResponse _pool;

    public PoolEdit(PoolResponse pool)
    {
        _pool = pool;
        DisplayName = pool.DisplayName;
        Resources = RequestForm.Resources.Union(Fields.SelectMany(f => Current(f)?.Keys ?? []))
            .Distinct(StringComparer.Ordinal).OrderBy(Units.Order).ThenBy(r => r, StringComparer.Ordinal).ToList();
        foreach (var field in Fields)
        {
            Values[field] = Resources.ToDictionary(r => r, r => Current(field)?.TryGetValue(r, out var v) == true ? v : (long?)null, StringComparer.Ordinal);
        }
    }

    public string? DisplayName { get; set; }

    public IReadOnlyList<string> Resources { get; }

    /// <summary>field → resource → amount (null: none given).</summary>
    public Dictionary<string, Dictionary<string, long?>> Values { get; } = new(StringComparer.Ordinal);

    public UpdatePoolRequest ToRequest() => new(
        DisplayName == _pool.DisplayName ? null : DisplayName?.Trim(),
        Changed("quota"), Changed("borrowingLimit"), Changed("lendingLimit"), Changed("approvalThreshold"));

    public bool HasChanges => ToRequest() is var r && (r.DisplayName ?? (object?)r.Quota ?? r.BorrowingLimit ?? r.LendingLimit ?? (object?)r.ApprovalThreshold) is not null;

    private IReadOnlyDictionary<string, long>? Current(string field) => field switch
    {
        "quota" => _pool.Quota,
        "borrowingLimit" => _pool.BorrowingLimit,
        "lendingLimit" => _pool.LendingLimit,
        "approvalThreshold" => _pool.ApprovalThreshold,
        _ => null,
    };

    /// <summary>The field's new amounts when they differ from what the pool has; null when unchanged.</summary>
    private Dictionary<string, long>? Changed(string field)
    {
        var now = Values[field].Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!.Value, StringComparer.Ordinal);
        var before = Current(field) ?? new Dictionary<string, long>();
        var same = now.Count == before.Count && now.All(v => before.TryGetValue(v.Key, out var b) && b == v.Value);
        return same ? null : now;
    }
}
