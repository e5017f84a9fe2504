using CloudMgmt.Application.Keys;

namespace CloudMgmt.Portal.Keys;

/// <summary>A new key as an operator fills it in: role, the tenant (departments) or pool (scoped operators and viewers), name, expiry day.</summary>
public sealed class KeyForm
{
    public static readonly IReadOnlyList<string> Roles = ["department", "operator", "viewer"];

    public string Role { get; set; } = "department";

    public string? Tenant { get; set; }

    public string? Pool { get; set; }

    public string? Name { get; set; }

    /// <summary>The last day the key works, in the province's time; none: it does not expire.</summary>
    public DateTime? ExpiresOn { get; set; }

    /// <summary>The request; the expiry is the end of the chosen day in the province's time.</summary>
    public CreateKeyRequest ToRequest(TimeSpan provinceOffset) => new(
        Role,
        Role == "department" ? Blank(Tenant) : null,
        Blank(Name),
        Role == "department" ? null : Blank(Pool),
        ExpiresOn is { } day ? new DateTimeOffset(day.Date.AddDays(1), provinceOffset) : null);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
