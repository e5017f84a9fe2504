using CloudMgmt.Domain.Metering;

namespace CloudMgmt.Domain.Tests.Metering;

public sealed class MeteringCalendarTests
{
    [Theory]
    [InlineData("2026-11-30T15:59:59Z", "2026-11-30")]
    [InlineData("2026-11-30T16:00:00Z", "2026-12-01")]
    [InlineData("2026-12-31T16:00:00Z", "2027-01-01")]
    public void DayOf_ChinaStandardTime_StartsTheDayAtSixteenUtc(string at, string day) =>
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
            MeteringCalendar.China.DayOf(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void HourOf_BeforeTheEpoch_RoundsDown() =>
        Assert.Equal(-1, MeteringCalendar.HourOf(DateTimeOffset.UnixEpoch.AddMinutes(-1)));

    [Theory]
    [InlineData("2026-11", true)]
    [InlineData("2026-1", false)]
    [InlineData("2026-13", false)]
    [InlineData("26-11-01", false)]
    [InlineData("+026-11", false)]
    public void TryParse_Month_AcceptsOnlyYearDashMonth(string text, bool ok) => Assert.Equal(ok, MeteringMonth.TryParse(text, out _));

    [Fact]
    public void Constructor_OffsetNotWholeHours_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MeteringCalendar(TimeSpan.FromMinutes(330)));
}
