using System.Text.Json;

namespace CloudMgmt.Portal.Allocations;

/// <summary>
/// A placement decision as the console shows it: each cloud with every filter's verdict and its
/// scores, and which clouds got a share. Read from the decision's JSON by name, so a field the
/// placement adds later is simply not shown rather than breaking the page.
/// </summary>
public sealed record PlacementView(bool Placed, string? Policy, string? Reason, IReadOnlyList<PlacementView.Cloud> Clouds)
{
    public sealed record Verdict(string Filter, bool Passed, string? Reason);

    /// <param name="Share">What this cloud would hold (null when it holds no share).</param>
    public sealed record Cloud(string Id, IReadOnlyList<Verdict> Verdicts, IReadOnlyDictionary<string, double> Scores, double? Total,
        IReadOnlyDictionary<string, long>? Share)
    {
        public bool Eligible => Verdicts.All(v => v.Passed);
    }

    /// <summary>From the decision's JSON text as the grains keep it; null when there is none.</summary>
    public static PlacementView? From(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return From(document.RootElement);
    }

    /// <summary>From an allocation's answer; null when there is no placement (no cloud registered).</summary>
    public static PlacementView? From(Application.Allocations.PlacementResponse? placement) => placement is null ? null : new(
        placement.Placed, placement.PolicyName, placement.Reason, placement.Clouds.Select(c => new Cloud(c.CloudId,
            c.Verdicts.Select(v => new Verdict(v.Filter, v.Passed, v.Reason)).ToList(), c.Scores, c.Eligible ? c.Total : null,
            placement.Shares.LastOrDefault(s => s.CloudId == c.CloudId)?.Resources)).ToList());

    /// <summary>Null when there is no placement (no cloud registered: the controller keeps quota only).</summary>
    public static PlacementView? From(JsonElement? json)
    {
        if (json is not { ValueKind: JsonValueKind.Object } root)
        {
            return null;
        }

        var shares = Array(root, "shares")
            .Where(s => Str(s, "cloudId") is not null)
            .GroupBy(s => Str(s, "cloudId")!)
            .ToDictionary(g => g.Key, g => Amounts(g.Last(), "resources"), StringComparer.Ordinal);
        var clouds = Array(root, "clouds").Select(c =>
        {
            var id = Str(c, "cloudId") ?? "?";
            var verdicts = Array(c, "verdicts").Select(v => new Verdict(Str(v, "filter") ?? "?", Bool(v, "passed"), Str(v, "reason"))).ToList();
            var scores = c.TryGetProperty("scores", out var s) && s.ValueKind == JsonValueKind.Object
                ? s.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal)
                : new Dictionary<string, double>();
            double? total = c.TryGetProperty("total", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : null;
            return new Cloud(id, verdicts, scores, total, shares.GetValueOrDefault(id));
        }).ToList();
        return new PlacementView(Bool(root, "placed"), Str(root, "policyName"), Str(root, "reason"), clouds);
    }

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : [];

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Bool(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    /// <summary>Amounts as {"vcpu":4}, or as the older {"entries":[{"key":"vcpu","value":4}]} a stored decision may still carry.</summary>
    private static IReadOnlyDictionary<string, long>? Amounts(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (v.TryGetProperty("entries", out var entries) && entries.ValueKind == JsonValueKind.Array)
        {
            return entries.EnumerateArray()
                .Where(x => Str(x, "key") is not null && x.TryGetProperty("value", out var n) && n.ValueKind == JsonValueKind.Number)
                .ToDictionary(x => Str(x, "key")!, x => x.GetProperty("value").GetInt64(), StringComparer.Ordinal);
        }

        return v.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);
    }
}
