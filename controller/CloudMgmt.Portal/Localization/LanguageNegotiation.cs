using System.Globalization;

namespace CloudMgmt.Portal.Localization;

/// <summary>
/// Which language a visitor gets: the one they chose (the language cookie), else the first of the
/// browser's Accept-Language preferences the console speaks (any Chinese reads the Simplified
/// texts, any English the English ones), else English.
/// </summary>
public static class LanguageNegotiation
{
    public const string CookieName = "cm-lang";

    public static Language Pick(string? cookie, string? acceptLanguage) =>
        Language.FromCode(cookie) ?? FromAcceptLanguage(acceptLanguage) ?? Language.English;

    /// <summary>Accept-Language as RFC 9110 has it: tags with optional q weights, the highest weight first, ties in order.</summary>
    public static Language? FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > 1024)
        {
            return null; // an absurd header is ignored rather than parsed
        }

        return header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((part, index) => (Tag: Tag(part), Weight: Weight(part), Index: index))
            .Where(p => p.Weight > 0)
            .OrderByDescending(p => p.Weight).ThenBy(p => p.Index)
            .Select(p => Match(p.Tag))
            .FirstOrDefault(l => l is not null);
    }

    private static string Tag(string part) => part.Split(';', 2)[0].Trim();

    private static double Weight(string part)
    {
        var q = part.Split(';').Skip(1).Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("q=", StringComparison.OrdinalIgnoreCase));
        return q is null ? 1 : double.TryParse(q[2..], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) ? Math.Clamp(w, 0, 1) : 0;
    }

    private static Language? Match(string tag)
    {
        var primary = tag.Split('-', 2)[0];
        return primary.ToLowerInvariant() switch
        {
            "zh" => Language.Chinese,
            "en" => Language.English,
            _ => null,
        };
    }
}
