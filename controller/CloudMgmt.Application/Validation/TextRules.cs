using System.Globalization;
using System.Text;

namespace CloudMgmt.Application;

/// <summary>
/// What a string from a request may hold. Every string (body fields, map keys and values, query,
/// route and header values) is checked against <see cref="AnyMax"/> and control characters; fields
/// with a meaning have their own, smaller limits.
/// </summary>
public static class TextRules
{
    /// <summary>Display names of pools and tenants, names of keys.</summary>
    public const int DisplayNameMax = 256;

    /// <summary>An operator's reason for an approval or a rejection.</summary>
    public const int NoteMax = 1024;

    /// <summary>Any other string: endpoints, credential references, labels, settings.</summary>
    public const int AnyMax = 4096;

    /// <summary>How much of a refused value a problem repeats.</summary>
    public const int EchoMax = 64;

    /// <summary>Why <paramref name="value"/> is refused, or null when it is fine.</summary>
    public static string? WhyNot(string value, int max)
    {
        if (value.Length > max)
        {
            return $"must be at most {max} characters (got {value.Length})";
        }

        var at = FirstControl(value);
        return at < 0 ? null
            : $"must not contain control characters (U+{(int)value[at]:X4} at position {at}): no NUL, ESC, CR, LF, TAB or bidirectional overrides";
    }

    public static int FirstControl(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (IsControl(value[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// C0 and C1 controls (NUL, ESC, CR, LF, DEL...), the line and paragraph separators, and the
    /// invisible direction marks and overrides that make text read differently from what it is.
    /// </summary>
    public static bool IsControl(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or '\u061C' or '\u200E' or '\u200F' or '\uFEFF'
        || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';

    /// <summary>
    /// A value as a problem may repeat it: at most <see cref="EchoMax"/> characters, control
    /// characters escaped, and how long it really was when it is cut.
    /// </summary>
    public static string Echo(string? value)
    {
        if (value is null)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, EchoMax)))
        {
            text.Append(IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return value.Length <= EchoMax ? text.ToString()
            : text.Append("… (").Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(" characters)").ToString();
    }
}
