using System.Globalization;

namespace CloudMgmt.Adapters;

/// <summary>
/// Reads a cloud's <c>settings</c> map for one adapter, collecting every problem under
/// <c>settings.NAME</c> instead of falling back to a default: a value out of range, a word that is
/// not one of the choices, a URL that is not https, a setting the adapter does not know. Call
/// <see cref="Finish"/> after the last read to report unknown settings.
/// </summary>
public sealed class SettingsReader(IReadOnlyDictionary<string, string> settings, List<RegistrationProblem> problems)
{
    public const int MaxTextLength = 256;

    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public List<RegistrationProblem> Problems => problems;

    /// <summary>The trimmed text of a setting, or null when it is absent or blank.</summary>
    public string? Text(string key, int maxLength = MaxTextLength)
    {
        _known.Add(key);
        if (!settings.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length > maxLength || value.Any(char.IsControl))
        {
            Problem(key, $"must be at most {maxLength} printable characters");
            return null;
        }

        return value.Trim();
    }

    public string Text(string key, string fallback, int maxLength = MaxTextLength) => Text(key, maxLength) ?? fallback;

    /// <summary><c>true</c> or <c>false</c>; anything else is a problem, not false.</summary>
    public bool Flag(string key)
    {
        var text = Text(key);
        if (text is null)
        {
            return false;
        }

        if (bool.TryParse(text, out var flag))
        {
            return flag;
        }

        Problem(key, "must be true or false");
        return false;
    }

    public long? Whole(string key, long min, long max) =>
        InRange(key, min, max, (string text, out long value) => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value),
            $"must be a whole number from {min} to {max}");

    public double? Number(string key, double min, double max) =>
        InRange(key, min, max, (string text, out double value) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value),
            $"must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>One of <paramref name="choices"/> (exact), or <paramref name="fallback"/> when absent.</summary>
    public string Choice(string key, string fallback, params string[] choices)
    {
        var text = Text(key);
        if (text is null || choices.Contains(text, StringComparer.Ordinal))
        {
            return text ?? fallback;
        }

        Problem(key, $"must be one of: {string.Join(", ", choices)}");
        return fallback;
    }

    /// <summary>A URL the adapter will send tokens to: the same rule as the cloud's endpoint.</summary>
    public string? Url(string key, bool allowInsecure)
    {
        var text = Text(key, EndpointRule.MaxLength);
        if (text is not null && EndpointRule.Check(text, allowInsecure) is { } why)
        {
            Problem(key, why);
            return null;
        }

        return text;
    }

    public void Problem(string key, string message) => problems.Add(new RegistrationProblem($"settings.{key}", message));

    /// <summary>Reports every setting that was not read: a typo must not be ignored silently.</summary>
    public void Finish()
    {
        foreach (var key in settings.Keys.Where(k => !_known.Contains(k)).Order(StringComparer.Ordinal))
        {
            problems.Add(new RegistrationProblem($"settings.{Shown(key)}", $"is not a setting of this kind of cloud (known: {string.Join(", ", _known.Order(StringComparer.Ordinal))})"));
        }
    }

    private delegate bool Parser<T>(string text, out T value);

    private T? InRange<T>(string key, T min, T max, Parser<T> parse, string expected)
        where T : struct, IComparable<T>
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        if (parse(text, out var value) && value.CompareTo(min) >= 0 && value.CompareTo(max) <= 0)
        {
            return value;
        }

        Problem(key, expected);
        return null;
    }

    private static string Shown(string key) => HealthReason.Clean(key, 64);
}
