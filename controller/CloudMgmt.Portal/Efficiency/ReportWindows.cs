using CloudMgmt.Domain.Metering;

namespace CloudMgmt.Portal.Efficiency;

/// <summary>
/// The windows the efficiency page offers, in the province's civil time: the last 24 closed hours
/// (the API's default), the last 7 whole days, this month so far and last month.
/// </summary>
public static class ReportWindows
{
    public static readonly IReadOnlyList<string> All = ["24h", "7d", "month", "lastMonth"];

    /// <summary>From and to of window <paramref name="name"/> at <paramref name="now"/> (in the province's offset).</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Of(string name, DateTimeOffset now)
    {
        var today = new DateTimeOffset(now.Date, now.Offset);
        var firstOfMonth = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, now.Offset);
        return name switch
        {
            "7d" => (today.AddDays(-7), today),
            "month" => (firstOfMonth, today.AddDays(1)),
            "lastMonth" => (firstOfMonth.AddMonths(-1), firstOfMonth),
            _ => (MeteringCalendar.HourStart(MeteringCalendar.HourOf(now)).AddHours(-24), MeteringCalendar.HourStart(MeteringCalendar.HourOf(now))),
        };
    }
}
