using CloudMgmt.Cluster.Tests.Infrastructure;
using CloudMgmt.Domain.Metering;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Storage.Postgres.Usage;

namespace CloudMgmt.Cluster.Tests.Storage;

/// <summary>
/// Two silos metering one cloud through the cluster's database, as when the cloud's usage grain
/// moves: the first silo's meter stops in the middle of an hour (gracefully, or killed after its
/// last flush), the second continues from the hours in progress it finds, and a stale activation of
/// the first keeps writing the same hours. Every hour counts once, and in full.
/// </summary>
public sealed class MeteringHandoverTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>
{
    private static readonly DateTimeOffset Ten = new(2026, 11, 16, 2, 0, 0, TimeSpan.Zero); // 10:00 in Beijing
    private static readonly MeterSettings Settings = MeterSettings.Default with { FlushEvery = TimeSpan.FromSeconds(10) };

    private readonly IUsageStore _store = new PostgresUsageStore(db.DataSource);
    private readonly string _cloud = "cloud-" + Guid.NewGuid().ToString("N")[..8];

    private IReadOnlyList<MeterObservation> Seen(long used) =>
    [
        new("a", _cloud + "-health", "dept", ResourceVector.Of(("vcpu", 8)), ResourceVector.Of(("vcpu", used))),
        new("b", _cloud + "-archive", "dept", ResourceVector.Of(("vcpu", 2)), ResourceVector.Of(("vcpu", 0))),
    ];

    /// <summary>Passes every 10 s in [from, to), each written as the grain writes it.</summary>
    private async Task PassesAsync(CloudMeter meter, DateTimeOffset from, DateTimeOffset to, long used)
    {
        for (var at = from; at < to; at = at.AddSeconds(10))
            await _store.WriteAsync(meter.Record(at, Seen(used)));
    }

    private async Task<CloudMeter> SecondSiloAsync(DateTimeOffset at)
    {
        var meter = new CloudMeter(_cloud, Settings);
        meter.Restore(await _store.ReadOpenAsync(_cloud), at);
        return meter;
    }

    [Theory]
    [InlineData(true)]  // the first silo leaves: its grain writes every hour in progress as it goes
    [InlineData(false)] // the first silo is killed: what it flushed last is all the second finds
    public async Task Handover_InTheMiddleOfAnHour_WithAStaleFirstActivationWritingToo_CountsEachHourOnceAndInFull(bool graceful)
    {
        var first = new CloudMeter(_cloud, Settings);
        await PassesAsync(first, Ten, Ten.AddMinutes(30).AddSeconds(10), used: 4);
        if (graceful)
            await _store.WriteAsync(first.FlushAll(Ten.AddMinutes(30).AddSeconds(5)));

        var second = await SecondSiloAsync(Ten.AddMinutes(30).AddSeconds(10));
        var both = Task.WhenAll(
            PassesAsync(second, Ten.AddMinutes(30).AddSeconds(10), Ten.AddHours(2).AddSeconds(10), used: 6),
            PassesAsync(first, Ten.AddMinutes(30).AddSeconds(10), Ten.AddHours(2).AddSeconds(10), used: 2)); // the stale one, unaware
        await both;

        var day = MeteringCalendar.China.DayOf(Ten);
        var hours = await _store.ReadHoursAsync(MeteringCalendar.HourOf(Ten), MeteringCalendar.HourOf(Ten) + 2, _cloud + "-health");
        var days = await _store.SumDaysAsync(day, day.AddDays(1), new DayGrouping(DayBucket.Day, true, true, true), _cloud + "-health");
        var month = (await _store.ReadMonthAsync(MeteringCalendar.MonthOf(day), _cloud + "-health")).Single();

        Assert.Equal(2, hours.Count); // 10:00 and 11:00, one row each
        Assert.All(hours, h => Assert.Equal(3_600_000, h.Totals.HeldMs));
        Assert.Equal(2 * 8 * 3_600_000L, days.Single().GrantedMs); // two hours of 8 vCPU: neither counted twice nor cut
        Assert.Equal(2, month.HeldHours);
        Assert.Equal(hours.Sum(h => h.Totals["vcpu"].UsedMs), days.Single().UsedMs); // the day holds exactly the stored hours
    }
}
