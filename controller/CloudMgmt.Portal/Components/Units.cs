using System.Globalization;
using CloudMgmt.Portal.Localization;

namespace CloudMgmt.Portal.Components;

/// <summary>Amounts, resources, shares and times as the console writes them, in the current language.</summary>
public static class Units
{
    /// <summary>"16 vCPU" / "16 核", "64 GiB"; a resource the console has no word for keeps its name and no unit.</summary>
    public static string Amount(Texts t, string resource, long amount) =>
        t.Find("unit." + resource) is { } unit ? $"{Number(amount)} {unit}" : $"{Number(amount)} {resource}";

    /// <summary>The resource's name ("Memory" / "内存"), or its id when the console has no word for it.</summary>
    public static string Resource(Texts t, string resource) => t.Find("res." + resource) ?? resource;

    /// <summary>"16 vCPU · Memory 64 GiB", in the console's order of well-known resources (a unit that names its resource is not said twice).</summary>
    public static string Resources(Texts t, IReadOnlyDictionary<string, long>? resources) =>
        resources is null || resources.Count == 0 ? "—"
            : string.Join(" · ", resources.OrderBy(r => Order(r.Key)).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => Resource(t, r.Key) == t.Find("unit." + r.Key) ? Amount(t, r.Key, r.Value) : $"{Resource(t, r.Key)} {Amount(t, r.Key, r.Value)}"));

    public static string Number(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage ("73.4 %"); "—" when there is nothing to divide by.</summary>
    public static string Percent(double? share) => share is { } s && double.IsFinite(s) ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "—";

    public static double? Share(long part, long whole) => whole <= 0 ? null : (double)part / whole;

    /// <summary>A time in the province's civil time ("2026-12-07 12:30 (UTC+08:00)" only in the tooltip; here the short form).</summary>
    public static string Time(DateTimeOffset? at, TimeSpan offset) =>
        at is { } t ? t.ToOffset(offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    public static int Order(string resource) => resource switch
    {
        "vcpu" => 0,
        "memoryGiB" => 1,
        "storageGiB" => 2,
        "gpu" => 3,
        _ => 4,
    };
}
