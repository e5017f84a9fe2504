using System.Globalization;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Cli.Output;

/// <summary>The table (and CSV) columns of each kind of thing cmctl lists. JSON and YAML print whole objects instead.</summary>
internal static class Views
{
    public static readonly Column<Pool>[] Pools =
    [
        new("ID", p => p.Id),
        new("PARENT", p => p.Parent ?? "-"),
        new("NAME", p => p.DisplayName ?? "", Cut: true),
        new("QUOTA", p => Resources(p.Quota), Cut: true),
        new("RESERVED/SUBTREE", p => Usage(p.Reserved, p.SubtreeQuota), Cut: true),
        new("BORROWED", p => Resources(p.Borrowed), Cut: true),
        new("ALLOCATIONS", p => Int(p.Reservations)),
    ];

    public static readonly Column<Tenant>[] Tenants =
    [
        new("ID", t => t.Id),
        new("POOL", t => t.Pool),
        new("NAME", t => t.DisplayName ?? "", Cut: true),
        new("ADMITTED", t => Resources(t.Admitted), Cut: true),
        new("PENDING-APPROVAL", t => Resources(t.PendingApproval), Cut: true),
        new("ALLOCATIONS", t => Int(t.Allocations)),
    ];

    public static readonly Column<AllocationSummary>[] Allocations =
    [
        new("ID", a => a.Id),
        new("TENANT", a => a.Tenant),
        new("STATUS", a => a.Status, StatusColour),
        new("RESOURCES", a => Resources(a.Resources), Cut: true),
    ];

    public static readonly Column<Allocation>[] Allocation =
    [
        new("ID", a => a.Id),
        new("TENANT", a => a.Tenant),
        new("STATUS", a => a.Status, StatusColour),
        new("RESOURCES", a => Resources(a.Resources), Cut: true),
        new("CONSTRAINTS", a => Pairs(a.Constraints), Cut: true),
        new("CLOUD", a => Cloud(a.Decision)),
        new("LAST-EVENT", a => a.History.Count == 0 ? "" : a.History[^1].Message, Cut: true),
    ];

    public static readonly Column<DryRunResult>[] DryRun =
    [
        new("WOULD-BE", d => d.WouldBe, StatusColour),
        new("FITS", d => Bool(d.Decision.Fits)),
        new("NEEDS-APPROVAL", d => Bool(d.Decision.NeedsApproval)),
        new("PATH", d => string.Join(" > ", d.Decision.Path), Cut: true),
        new("SHORTFALLS", d => string.Join("; ", d.Decision.Shortfalls.Select(s => $"{s.Pool} {s.Resource} short {s.Short}")), Cut: true),
        new("APPROVAL-REASONS", d => string.Join("; ", d.Decision.ApprovalReasons.Select(r => $"{r.Pool} {r.Resource} {r.Requested}>{r.Threshold}")), Cut: true),
    ];

    public static readonly Column<Cloud>[] Clouds =
    [
        new("ID", c => c.Id),
        new("KIND", c => c.Kind),
        new("REGION", c => c.Region),
        new("HEALTHY", c => c.Health is null ? "unknown" : Bool(c.Health.Healthy), h => h == "yes" ? "32" : "31"),
        new("DRAINED", c => Bool(c.Drained)),
        new("GRANTS", c => Int(c.Grants)),
        new("RESERVED/CAPACITY", c => Usage(c.Reserved, c.Capacity), Cut: true),
    ];

    public static readonly Column<ApiKey>[] Keys =
    [
        new("ID", k => k.Id),
        new("NAME", k => k.Name ?? "", Cut: true),
        new("ROLE", k => k.Role),
        new("TENANT", k => k.Tenant ?? "-"),
        new("POOL", k => k.Pool ?? "-"),
        new("CREATED", k => Time(k.CreatedAt)),
        new("EXPIRES", k => k.ExpiresAt is { } at ? Time(at) : "-"),
        new("LAST-USED", k => k.LastUsedAt is { } at ? Time(at) : "-"),
        new("REVOKED", k => k.RevokedAt is { } at ? Time(at) : "-"),
    ];

    public static readonly Column<IssuedApiKey>[] IssuedKey =
    [
        new("ID", k => k.Id),
        new("ROLE", k => k.Role),
        new("TENANT", k => k.Tenant ?? "-"),
        new("POOL", k => k.Pool ?? "-"),
        new("EXPIRES", k => k.ExpiresAt is { } at ? Time(at) : "-"),
        new("TOKEN", k => k.Token),
    ];

    public static readonly Column<AuditRecord>[] Audit =
    [
        new("ID", r => Int(r.Id)),
        new("AT", r => Time(r.At)),
        new("ACTOR", r => r.Actor.Id is null ? r.Actor.Kind : $"{r.Actor.Kind}:{r.Actor.Id}"),
        new("ACTION", r => r.Action),
        new("TARGET", r => r.Target ?? "-"),
        new("OUTCOME", r => Int(r.Outcome), o => o.StartsWith('2') ? "32" : "31"),
        new("DETAIL", r => r.Detail ?? "", Cut: true),
    ];

    public static readonly Column<AuditVerification>[] AuditVerification =
    [
        new("VALID", v => Bool(v.Valid), v => v == "yes" ? "32" : "31"),
        new("RECORDS", v => Int(v.Records)),
        new("FIRST-BROKEN", v => v.FirstBroken is { } id ? Int(id) : "-"),
        new("LAST-HASH", v => v.LastHash, Cut: true),
    ];

    public static readonly Column<EfficiencyRow>[] Efficiency =
    [
        new("FROM", r => Time(r.From)),
        new("KEY", r => r.Key),
        new("GRANTS", r => Int(r.Grants)),
        new("GRANTED", r => Resources(r.Granted), Cut: true),
        new("USED", r => Resources(r.Used), Cut: true),
        new("EFFICIENCY", r => string.Join(" ", r.Efficiency.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => $"{e.Key}={(e.Value * 100).ToString("0.#", CultureInfo.InvariantCulture)}%")), Cut: true),
        new("RECLAIMED", r => Resources(r.Reclaimed), Cut: true),
    ];

    /// <summary>The order resources are shown in: the ones every request has first (so a cut cell still shows them), then by name.</summary>
    private static readonly string[] First = ["vcpu", "memoryGiB", "storageGiB", "gpu"];

    /// <summary>"vcpu=16 memoryGiB=64", always in the same order so tables are stable.</summary>
    public static string Resources(IReadOnlyDictionary<string, long> amounts) =>
        string.Join(" ", Ordered(amounts).Select(a => $"{a.Key}={Int(a.Value)}"));

    /// <summary>"vcpu=4/128": what is used of what there is, for every resource there is.</summary>
    public static string Usage(IReadOnlyDictionary<string, long> used, IReadOnlyDictionary<string, long> of) =>
        string.Join(" ", Ordered(of).Select(a => $"{a.Key}={Int(used.GetValueOrDefault(a.Key))}/{Int(a.Value)}"));

    private static IEnumerable<KeyValuePair<string, T>> Ordered<T>(IReadOnlyDictionary<string, T> map) =>
        map.OrderBy(a => Array.IndexOf(First, a.Key) is var i and >= 0 ? i : First.Length).ThenBy(a => a.Key, StringComparer.Ordinal);

    public static string Pairs(IReadOnlyDictionary<string, string> pairs) =>
        string.Join(",", pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "yes" : "no";

    private static string Cloud(Decision decision) =>
        decision.Placement is { Shares.Count: > 0 } p ? string.Join(",", p.Shares.Select(s => s.CloudId)) : "-";

    /// <summary>Green when done, yellow while waiting on a person, red when it went wrong (ANSI SGR codes).</summary>
    private static string? StatusColour(string status) => status switch
    {
        "Ready" or "Placed" or "Admitted" => "32",
        "PendingApproval" => "33",
        "Failed" or "Rejected" => "31",
        _ => null,
    };
}
