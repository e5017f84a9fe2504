using CloudMgmt.Domain.Metering;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Usage;
using CloudMgmt.Metering.Reports;
using CloudMgmt.Metering.Tests.Store;
using CloudMgmt.Storage.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CloudMgmt.Metering.Tests.Reports;

/// <summary>
/// The efficiency report over windows that cross hour, day and month boundaries (Beijing time), from
/// what a cloud's meter wrote to SQLite: four hours of passes a minute apart from 22:00 on 30 November
/// to 02:00 on 1 December; health holds 8 vCPU and uses 4, archive holds 2 and uses 2.
/// </summary>
public sealed class UsageReportsTests(SqliteUsageFixture fixture) : IClassFixture<SqliteUsageFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 22, 0, 0, Beijing);

    private readonly SqliteUsageStore _store = new(fixture.Database);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, Beijing));

    private static IReadOnlyList<MeterObservation> Seen =>
    [
        new("a", "health", "hefei", ResourceVector.Of(("vcpu", 8)), ResourceVector.Of(("vcpu", 4))),
        new("b", "archive", "wuhu", ResourceVector.Of(("vcpu", 2)), ResourceVector.Of(("vcpu", 2))),
    ];

    /// <summary>Writes the passes; a repeated write (each test class instance writes them again) counts once at the store.</summary>
    public async Task InitializeAsync()
    {
        var meter = new CloudMeter("x86", MeterSettings.Default);
        for (var at = Start; at <= Start.AddHours(4); at = at.AddMinutes(1))
            await _store.WriteAsync(meter.Record(at, Seen));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<UsageReportResult> ReportAsync(DateTimeOffset from, DateTimeOffset to, ReportBy by, ReportStep step, string? tenant = null)
    {
        var (result, errors) = await new UsageReports(_store, Options.Create(new MeteringOptions()), _time).BuildAsync(new(from, to, by, step, tenant));
        Assert.True(result is not null, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return result;
    }

    private static string Row(UsageReportRow r) =>
        $"{r.From.ToOffset(Beijing):MM-dd HH} {r.Key} {r.Resources["vcpu"].GrantedUnitHours:0.##}/{r.Resources["vcpu"].UsedUnitHours:0.##}";

    [Fact]
    public async Task StepDay_AcrossTheMonthsLastMidnight_OneRowPerDayAndTenant()
    {
        var report = await ReportAsync(new(2026, 11, 30, 0, 0, 0, Beijing), new(2026, 12, 2, 0, 0, 0, Beijing), ReportBy.Tenant, ReportStep.Day);

        Assert.Equal(["11-30 00 archive 4/4", "11-30 00 health 16/8", "12-01 00 archive 4/4", "12-01 00 health 16/8"], report.Rows.Select(Row));
        Assert.Equal(16m / 24, (decimal)report.Rows[1].Resources["vcpu"].MeanGranted, 4); // held for 2 of the day's 24 hours
        Assert.Equal(0.5, report.Rows[1].Resources["vcpu"].Efficiency);
    }

    [Fact]
    public async Task StepMonth_WindowWithinTwoMonths_WidensToWholeMonthsOneRowEach()
    {
        var report = await ReportAsync(new(2026, 11, 30, 0, 0, 0, Beijing), new(2026, 12, 2, 0, 0, 0, Beijing), ReportBy.Pool, ReportStep.Month);

        Assert.Equal(["11-01 00 hefei 16/8", "11-01 00 wuhu 4/4", "12-01 00 hefei 16/8", "12-01 00 wuhu 4/4"], report.Rows.Select(Row));
        Assert.Equal((new DateTimeOffset(2026, 11, 1, 0, 0, 0, Beijing), new DateTimeOffset(2027, 1, 1, 0, 0, 0, Beijing)), (report.Window.From, report.Window.To));
    }

    [Fact]
    public async Task StepHour_AcrossMidnight_OneRowPerHourFromTheStoredHours()
    {
        var report = await ReportAsync(Start.AddHours(1), Start.AddHours(3), ReportBy.Resource, ReportStep.Hour);

        Assert.False(report.Window.Daily);
        Assert.Equal(["11-30 23 vcpu 10/6", "12-01 00 vcpu 10/6"], report.Rows.Select(Row));
    }

    [Fact]
    public async Task Whole_DayAlignedOrNot_SumsTheSameHoursFromDaysOrFromHours()
    {
        var fromDays = await ReportAsync(new(2026, 11, 30, 0, 0, 0, Beijing), new(2026, 12, 2, 0, 0, 0, Beijing), ReportBy.Cloud, ReportStep.Whole);
        var fromHours = await ReportAsync(Start, Start.AddHours(4), ReportBy.Cloud, ReportStep.Whole);
        var department = await ReportAsync(Start, Start.AddHours(4), ReportBy.Cloud, ReportStep.Whole, tenant: "health");

        Assert.True(fromDays.Window.Daily);
        Assert.False(fromHours.Window.Daily);
        Assert.Equal(["11-30 00 x86 40/24"], fromDays.Rows.Select(Row));
        Assert.Equal(["11-30 22 x86 40/24"], fromHours.Rows.Select(Row));
        Assert.Equal(["11-30 22 x86 32/16"], department.Rows.Select(Row)); // a department's own grants only
    }
}
