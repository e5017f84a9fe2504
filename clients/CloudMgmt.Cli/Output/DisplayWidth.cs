using System.Globalization;
using System.Text;

namespace CloudMgmt.Cli.Output;

/// <summary>
/// How many terminal columns text takes: Chinese, Japanese and Korean characters and full-width forms take
/// two, so a table with a department's Chinese name still lines up.
/// </summary>
internal static class DisplayWidth
{
    public static int Of(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Of(rune);
        }

        return width;
    }

    /// <summary>The text cut to at most <paramref name="max"/> columns, ending in "…" when cut.</summary>
    public static string Truncate(string text, int max)
    {
        if (Of(text) <= max)
        {
            return text;
        }

        var result = new StringBuilder();
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var w = Of(rune);
            if (width + w > max - 1)
            {
                break;
            }

            result.Append(rune.ToString());
            width += w;
        }

        return result.Append('…').ToString();
    }

    public static string PadRight(string text, int width) => text + new string(' ', Math.Max(0, width - Of(text)));

    private static int Of(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            return 0;
        }

        var c = rune.Value;
        return c is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0x303E or >= 0x3041 and <= 0x33FF
            or >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xA000 and <= 0xA4CF
            or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F
            or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000 and <= 0x3FFFD
            ? 2
            : 1;
    }
}
