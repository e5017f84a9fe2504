using System.Xml;

namespace CloudMgmt.Application;

/// <summary>
/// Times and durations from requests. A time far outside the controller's life (year 1 or 9999)
/// would overflow the window arithmetic done with it, so it is refused up front, naming the field.
/// </summary>
public static class TimeRules
{
    public static readonly DateTimeOffset Earliest = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Latest = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string? WhyNot(DateTimeOffset value) => value < Earliest || value >= Latest
        ? $"must be an ISO 8601 time between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}, such as 2026-12-01T00:00:00Z"
        : null;

    /// <summary>An ISO 8601 duration ("P1D", "PT12H"), or null when it is not one or is beyond what a TimeSpan holds.</summary>
    public static TimeSpan? Duration(string text)
    {
        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null; // "P99999999Y": a valid form, but no TimeSpan holds it
        }
    }
}
