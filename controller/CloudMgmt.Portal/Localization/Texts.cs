using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace CloudMgmt.Portal.Localization;

/// <summary>
/// Every word the console shows, in one language: labels, statuses, problems and units, read once
/// from the embedded JSON catalogue of that language (Localization/Texts/{code}.json). Immutable,
/// so a new instance cascading from the layout is what re-renders every page in the new language.
/// </summary>
public sealed class Texts
{
    private static readonly FrozenDictionary<string, Texts> Catalogues =
        Language.All.ToFrozenDictionary(l => l.Code, l => new Texts(l, Load(l)), StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, string> _entries;

    private Texts(Language language, FrozenDictionary<string, string> entries)
    {
        Language = language;
        _entries = entries;
    }

    public Language Language { get; }

    public IEnumerable<string> Keys => _entries.Keys;

    public static Texts For(Language language) => Catalogues[language.Code];

    /// <summary>The text for <paramref name="key"/>; the key itself when the catalogue lacks it (a test keeps both complete).</summary>
    public string this[string key] => _entries.TryGetValue(key, out var text) ? text : key;

    /// <summary>The text with its {0}, {1}... placeholders filled in (numbers written the same way in both languages).</summary>
    public string this[string key, params object?[] args] => string.Format(CultureInfo.InvariantCulture, this[key], args);

    /// <summary>The text for <paramref name="key"/> if the catalogue has one (for names that come from data, such as a status).</summary>
    public string? Find(string key) => _entries.TryGetValue(key, out var text) ? text : null;

    private static FrozenDictionary<string, string> Load(Language language)
    {
        var name = $"CloudMgmt.Portal.Texts.{language.Code}.json";
        using var stream = typeof(Texts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the console's text catalogue {name} is not embedded");
        var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"the console's text catalogue {name} is empty");
        return entries.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
