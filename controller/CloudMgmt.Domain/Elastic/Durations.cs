using System.Globalization;

namespace CloudMgmt.Domain.Elastic;

/// <summary>Short durations as people write them in policies and read them in histories: 90s, 15m, 1h, 1h30m, 3d.</summary>
public static class Durations
{
    public static string Format(TimeSpan span)
    {
        if (span <= TimeSpan.Zero)
        {
            return "0s";
        }

        var parts = new List<string>();
        Add(parts, span.Days, "d");
        Add(parts, span.Hours, "h");
        Add(parts, span.Minutes, "m");
        Add(parts, span.Seconds, "s");
        return string.Concat(parts);
    }

    /// <summary>Parses one or more number-and-unit pairs (d, h, m, s), e.g. "15m" or "1h30m"; null when it is not one.</summary>
    public static TimeSpan? Parse(string text)
    {
        var total = TimeSpan.Zero;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start || i == text.Length || !long.TryParse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return null;
            }

            TimeSpan? unit = text[i] switch { 'd' => TimeSpan.FromDays(1), 'h' => TimeSpan.FromHours(1), 'm' => TimeSpan.FromMinutes(1), 's' => TimeSpan.FromSeconds(1), _ => null };
            if (unit is null || n > 100_000)
            {
                return null;
            }

            total += unit.Value * n;
            i++;
        }

        return text.Length == 0 ? null : total;
    }

    private static void Add(List<string> parts, int value, string unit)
    {
        if (value > 0)
        {
            parts.Add(value.ToString(CultureInfo.InvariantCulture) + unit);
        }
    }
}
