using CloudMgmt.Domain.Metering;

namespace CloudMgmt.Host.Reports;

/// <summary>The query parameters the reports share, parsed into what they mean or into the errors that name them.</summary>
internal static class ReportQuery
{
    /// <summary>JSON unless ?format=csv or Accept: text/csv.</summary>
    public static bool WantsCsv(HttpContext http, string? format, Dictionary<string, string[]> errors)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            || (format is null && http.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.Ordinal));
        if (format is not null && !csv && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            errors["format"] = ["format is json or csv"];
        }

        return csv;
    }

    /// <summary>One of <paramref name="allowed"/> (case-insensitive), the first when absent.</summary>
    public static T Choice<T>(string? value, string field, T[] allowed, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (value is null)
        {
            return allowed[0];
        }

        foreach (var option in allowed)
        {
            if (string.Equals(Name(option), value, StringComparison.OrdinalIgnoreCase))
            {
                return option;
            }
        }

        errors[field] = [$"{field} is one of {string.Join(", ", allowed.Select(Name))}"];
        return allowed[0];
    }

    public static MeteringMonth Month(string? value, MeteringMonth current, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return current;
        }

        if (MeteringMonth.TryParse(value, out var month))
        {
            return month;
        }

        errors["month"] = ["month is written yyyy-MM, e.g. 2026-11"];
        return current;
    }

    public static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static string Csv(string value) => Application.Reports.EfficiencyCsv.Quote(value);
}
