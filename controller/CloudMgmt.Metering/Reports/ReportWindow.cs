using CloudMgmt.Domain.Metering;

namespace CloudMgmt.Metering.Reports;

/// <summary>What a report groups by.</summary>
public enum ReportBy
{
    Tenant,
    Pool,
    Cloud,
    Resource,
}

/// <summary>The report's buckets: one for the whole window, or one per hour, day or month.</summary>
public enum ReportStep
{
    Whole,
    Hour,
    Day,
    Month,
}

/// <summary>
/// A report's window made whole: hours for hourly steps (or a whole window that does not start and
/// end on days), civil days and months otherwise; and its buckets. Daily figures answer windows of
/// whole days (kept <c>Metering:DailyRetention</c>); hourly figures the rest (kept <c>Metering:HourlyRetention</c>).
/// </summary>
public sealed record ReportWindow(DateTimeOffset From, DateTimeOffset To, bool Daily, IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Buckets)
{
    /// <summary>The most hourly buckets (or hours read for a whole window) one report covers: a month of hours.</summary>
    public const int MaxHours = 31 * 24;

    public static (ReportWindow? Window, Dictionary<string, string[]> Errors) Of(
        DateTimeOffset from, DateTimeOffset to, ReportStep step, MeteringCalendar calendar, Grains.Persistence.RetentionCutoff kept)
    {
        var errors = new Dictionary<string, string[]>();
        if (from >= to)
        {
            errors["from"] = ["from must be before to"];
            return (null, errors);
        }

        var dayAligned = IsDayStart(from, calendar) && IsDayStart(to, calendar);
        var daily = step is ReportStep.Day or ReportStep.Month || (step == ReportStep.Whole && dayAligned);
        var (start, end) = daily ? Days(from, to, step, calendar) : (HourFloor(from), HourCeiling(to));
        var first = daily ? calendar.DayStart(kept.DailyBefore) : MeteringCalendar.HourStart(kept.HourlyBefore);
        if (start < first)
        {
            errors["from"] = [$"the controller keeps {(daily ? "daily" : "hourly")} figures from {first:yyyy-MM-ddTHH:mm}Z (Metering:{(daily ? "Daily" : "Hourly")}Retention); ask for a later from" +
                (daily ? "" : ", or for whole days (step=day), which are kept longer")];
        }

        if (!daily && (end - start).TotalHours > MaxHours)
        {
            errors["to"] = [$"hourly figures are reported over at most {MaxHours / 24} days at once; use step=day or step=month, or whole days, for longer windows"];
        }

        return errors.Count > 0 ? (null, errors) : (new ReportWindow(start, end, daily, Split(start, end, step, calendar)), errors);
    }

    private static (DateTimeOffset, DateTimeOffset) Days(DateTimeOffset from, DateTimeOffset to, ReportStep step, MeteringCalendar calendar)
    {
        var first = calendar.DayOf(from);
        var last = calendar.DayOf(to);
        var end = IsDayStart(to, calendar) ? last : last.AddDays(1);
        if (step == ReportStep.Month)
        {
            first = new DateOnly(first.Year, first.Month, 1);
            end = end.Day == 1 ? end : new DateOnly(end.Year, end.Month, 1).AddMonths(1);
        }

        return (calendar.DayStart(first), calendar.DayStart(end));
    }

    private static List<(DateTimeOffset, DateTimeOffset)> Split(DateTimeOffset from, DateTimeOffset to, ReportStep step, MeteringCalendar calendar)
    {
        if (step == ReportStep.Whole)
        {
            return [(from, to)];
        }

        var buckets = new List<(DateTimeOffset, DateTimeOffset)>();
        for (var start = from; start < to;)
        {
            var next = step switch
            {
                ReportStep.Hour => start.AddHours(1),
                ReportStep.Day => calendar.DayStart(calendar.DayOf(start).AddDays(1)),
                _ => calendar.DayStart(calendar.DayOf(start).AddMonths(1)),
            };
            buckets.Add((start, next));
            start = next;
        }

        return buckets;
    }

    private static bool IsDayStart(DateTimeOffset at, MeteringCalendar calendar) => calendar.DayStart(calendar.DayOf(at)) == at;

    private static DateTimeOffset HourFloor(DateTimeOffset at) => MeteringCalendar.HourStart(MeteringCalendar.HourOf(at));

    private static DateTimeOffset HourCeiling(DateTimeOffset at) => HourFloor(at) == at ? at : HourFloor(at).AddHours(1);
}
