using CloudMgmt.Domain.Metering;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Grains.Usage;

namespace CloudMgmt.Metering;

/// <summary>What is kept at a given time: the same cut for the retention job, which deletes what is older, and the reports, which refuse to ask for it.</summary>
internal static class Retention
{
    public static RetentionCutoff Cutoff(DateTimeOffset now, MeteringOptions options)
    {
        var calendar = new MeteringCalendar(options.UtcOffset);
        var day = calendar.DayOf(now - options.DailyRetention);
        return new RetentionCutoff(MeteringCalendar.HourOf(now - options.HourlyRetention), day, calendar.FirstHour(day));
    }
}
