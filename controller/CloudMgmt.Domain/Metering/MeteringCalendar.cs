namespace CloudMgmt.Domain.Metering;

/// <summary>
/// Hours, days and months as metering counts them. Hours are UTC hours, numbered from the Unix
/// epoch; days and months are the province's civil ones, at a fixed offset from UTC (China keeps
/// UTC+8 all year). The offset is a whole number of hours, so every local day is made of whole
/// UTC hours and an hour belongs to exactly one day and one month.
/// </summary>
public sealed class MeteringCalendar
{
    public const long MsPerHour = 3_600_000;

    private readonly TimeSpan _offset;

    public MeteringCalendar(TimeSpan utcOffset)
    {
        if (utcOffset.Ticks % TimeSpan.TicksPerHour != 0 || utcOffset < TimeSpan.FromHours(-12) || utcOffset > TimeSpan.FromHours(14))
        {
            throw new ArgumentOutOfRangeException(nameof(utcOffset), utcOffset, "the metering offset is a whole number of hours between -12 and +14");
        }

        _offset = utcOffset;
    }

    /// <summary>China Standard Time.</summary>
    public static MeteringCalendar China { get; } = new(TimeSpan.FromHours(8));

    public TimeSpan Offset => _offset;

    /// <summary>The number of the UTC hour that contains <paramref name="at"/>.</summary>
    public static long HourOf(DateTimeOffset at) => Math.DivRem(at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks, TimeSpan.TicksPerHour, out var rest) - (rest < 0 ? 1 : 0);

    public static DateTimeOffset HourStart(long hour) => DateTimeOffset.UnixEpoch.AddHours(hour);

    /// <summary>The civil day an hour belongs to.</summary>
    public DateOnly DayOf(long hour) => DateOnly.FromDateTime(HourStart(hour).ToOffset(_offset).DateTime);

    public DateOnly DayOf(DateTimeOffset at) => DayOf(HourOf(at));

    /// <summary>The first hour of a civil day.</summary>
    public long FirstHour(DateOnly day) => HourOf(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), _offset));

    public DateTimeOffset DayStart(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), _offset);

    public static MeteringMonth MonthOf(DateOnly day) => new(day.Year, day.Month);

    public MeteringMonth MonthOf(long hour) => MonthOf(DayOf(hour));

    public DateTimeOffset MonthStart(MeteringMonth month) => DayStart(month.FirstDay);

    /// <summary>Hours in a month (every local day has 24 at a fixed offset).</summary>
    public static int HoursIn(MeteringMonth month) => 24 * month.Days;
}

/// <summary>A civil month, written yyyy-MM.</summary>
public readonly record struct MeteringMonth(int Year, int Month) : IComparable<MeteringMonth>
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public int Days => DateTime.DaysInMonth(Year, Month);

    public MeteringMonth Next => MeteringCalendar.MonthOf(FirstDay.AddMonths(1));

    /// <summary>A month number that sorts: year × 12 + month − 1.</summary>
    public int Index => Year * 12 + Month - 1;

    public static MeteringMonth FromIndex(int index) => new(index / 12, index % 12 + 1);

    public static bool TryParse(string? text, out MeteringMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m)
            || year < 2000 || year > 9998 || m < 1 || m > 12)
        {
            return false;
        }

        month = new MeteringMonth(year, m);
        return true;
    }

    public int CompareTo(MeteringMonth other) => Index.CompareTo(other.Index);

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
