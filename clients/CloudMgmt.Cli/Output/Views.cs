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
        new("NAME", p => p.DisplayName ?? ""),
        new("QUOTA", p => Resources(p.Quota)),
        new("RESERVED/SUBTREE", p => Usage(p.Reserved, p.SubtreeQuota)),
        new("BORROWED", p => Resources(p.Borrowed)),
        new("ALLOCATIONS", p => Int(p.Reservations)),
    ];

    public static readonly Column<Tenant>[] Tenants =
    [
        new("ID", t => t.Id),
        new("POOL", t => t.Pool),
        new("NAME", t => t.DisplayName ?? ""),
        new("ADMITTED", t => Resources(t.Admitted)),
        new("PENDING-APPROVAL", t => Resources(t.PendingApproval)),
        new("ALLOCATIONS", t => Int(t.Allocations)),
    ];

    public static readonly Column<AllocationSummary>[] Allocations =
    [
        new("ID", a => a.Id),
        new("TENANT", a => a.Tenant),
        new("STATUS", a => a.Status, StatusColour),
        new("RESOURCES", a => Resources(a.Resources)),
        new("PRIORITY", a => Int(a.Priority)),
    ];

    public static readonly Column<Allocation>[] Allocation =
    [
        new("ID", a => a.Id),
        new("TENANT", a => a.Tenant),
        new("STATUS", a => a.Status, StatusColour),
        new("RESOURCES", a => Resources(a.Resources)),
        new("CONSTRAINTS", a => Pairs(a.Constraints)),
        new("CLOUD", a => Cloud(a.Decision)),
        new("LAST-EVENT", a => a.History.Count == 0 ? "" : a.History[^1].Message),
    ];

    public static readonly Column<DryRunResult>[] DryRun =
    [
        new("WOULD-BE", d => d.WouldBe, StatusColour),
        new("FITS", d => Bool(d.Decision.Fits)),
        new("NEEDS-APPROVAL", d => Bool(d.Decision.NeedsApproval)),
        new("PATH", d => string.Join(" > ", d.Decision.Path)),
        new("SHORTFALLS", d => string.Join("; ", d.Decision.Shortfalls.Select(s => $"{s.Pool} {s.Resource} short {s.Short}"))),
        new("APPROVAL-REASONS", d => string.Join("; ", d.Decision.ApprovalReasons.Select(r => $"{r.Pool} {r.Resource} {r.Requested}>{r.Threshold}"))),
    ];

    public static readonly Column<Cloud>[] Clouds =
    [
        new("ID", c => c.Id),
        new("KIND", c => c.Kind),
        new("REGION", c => c.Region),
        new("HEALTHY", c => c.Health is null ? "unknown" : Bool(c.Health.Healthy), h => h == "yes" ? "32" : "31"),
        new("DRAINED", c => Bool(c.Drained)),
        new("GRANTS", c => Int(c.Grants)),
        new("RESERVED/CAPACITY", c => Usage(c.Reserved, c.Capacity)),
    ];

    public static readonly Column<ApiKey>[] Keys =
    [
        new("ID", k => k.Id),
        new("NAME", k => k.Name ?? ""),
        new("ROLE", k => k.Role),
        new("TENANT", k => k.Tenant ?? "-"),
        new("CREATED", k => Time(k.CreatedAt)),
        new("REVOKED", k => k.RevokedAt is { } at ? Time(at) : "-"),
    ];

    public static readonly Column<IssuedApiKey>[] IssuedKey =
    [
        new("ID", k => k.Id),
        new("ROLE", k => k.Role),
        new("TENANT", k => k.Tenant ?? "-"),
        new("TOKEN", k => k.Token),
    ];

    public static readonly Column<EfficiencyRow>[] Efficiency =
    [
        new("KEY", r => r.Key),
        new("GRANTS", r => Int(r.Grants)),
        new("GRANTED", r => Resources(r.Granted)),
        new("USED", r => Resources(r.Used)),
        new("EFFICIENCY", r => string.Join(" ", r.Efficiency.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => $"{e.Key}={(e.Value * 100).ToString("0.#", CultureInfo.InvariantCulture)}%"))),
        new("RECLAIMED", r => Resources(r.Reclaimed)),
    ];

    /// <summary>"memoryGiB=64 vcpu=16", names in ordinal order so tables are stable.</summary>
    public static string Resources(IReadOnlyDictionary<string, long> amounts) =>
        string.Join(" ", amounts.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={Int(a.Value)}"));

    /// <summary>"vcpu=4/128": what is used of what there is, for every resource there is.</summary>
    public static string Usage(IReadOnlyDictionary<string, long> used, IReadOnlyDictionary<string, long> of) =>
        string.Join(" ", of.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={Int(used.GetValueOrDefault(a.Key))}/{Int(a.Value)}"));

    public static string Pairs(IReadOnlyDictionary<string, string> pairs) =>
        string.Join(",", pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "yes" : "no";

    private static string Cloud(Decision decision) =>
        decision.Placement is { ValueKind: System.Text.Json.JsonValueKind.Object } p
        && p.TryGetProperty("shares", out var shares) && shares.ValueKind == System.Text.Json.JsonValueKind.Array
            ? string.Join(",", shares.EnumerateArray().Select(s => s.TryGetProperty("cloudId", out var id) ? id.GetString() : null).OfType<string>())
            : "-";

    /// <summary>Green when done, yellow while waiting on a person, red when it went wrong (ANSI SGR codes).</summary>
    private static string? StatusColour(string status) => status switch
    {
        "Ready" or "Placed" or "Admitted" => "32",
        "PendingApproval" => "33",
        "Failed" or "Rejected" => "31",
        _ => null,
    };
}
