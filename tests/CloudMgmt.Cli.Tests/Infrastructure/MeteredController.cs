using System.Net;
using System.Net.Http.Json;
using CloudMgmt.Domain.Metering;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Usage;
using CloudMgmt.Storage.Sqlite;
using CloudMgmt.Testing.Metering;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudMgmt.Cli.Tests.Infrastructure;

/// <summary>
/// A controller whose store already holds November 2026's metered hours, written through the controller's own
/// usage store before it starts (the real clock cannot close an hour of November in a test), priced with a test
/// catalogue whose x86 vCPU price changes on 16 November. The tree: anhui &gt; hefei (health, archive) and anhui &gt; wuhu (edu).
/// <list type="bullet">
/// <item>health: 8 vCPU, 16 GiB on province-x86 from 10 to 20 November (264 hours, 144 before the price change), half used.</item>
/// <item>archive: 2 vCPU, 4 GiB on xinchuang-arm on 1 and 2 November (48 hours), unused (idle), then reclaimed.</item>
/// <item>edu: 4 vCPU, 8 GiB on province-x86 on 30 November (24 hours), 2 vCPU used, no memory.</item>
/// </list>
/// </summary>
public sealed class MeteredController : CliController
{
    public const string HealthGrant = "alloc-health-1";
    public const string ArchiveGrant = "alloc-archive-1";
    public const string EduGrant = "alloc-edu-1";

    private static readonly string Catalogue = TestCatalogue.Yaml("cli-test-prices", "hefei: {monthly: \"200.00\"}", "anhui: {monthly: \"1000.00\"}");

    private static readonly MeteringCalendar Calendar = MeteringCalendar.China;

    protected override IEnumerable<string> Settings => ["--Metering:CatalogueFile", Path.Combine(DataDir, "catalogue.yaml")];

    protected override async Task BeforeStartAsync()
    {
        Directory.CreateDirectory(DataDir);
        await File.WriteAllTextAsync(Path.Combine(DataDir, "catalogue.yaml"), Catalogue);
        var database = new SqliteDatabase(new SqliteGrainStorageOptions { DataSource = Path.Combine(DataDir, "state.db") }, NullLogger.Instance);
        await database.StartAsync(CancellationToken.None);
        try
        {
            var store = new SqliteUsageStore(database);
            await WriteAsync(store, MeteredGrant.Of("province-x86", HealthGrant, "health", "hefei"), new DateOnly(2026, 11, 10), days: 11, (8, 16), (4, 8));
            var archive = MeteredGrant.Of("xinchuang-arm", ArchiveGrant, "archive", "hefei");
            await WriteAsync(store, archive, new DateOnly(2026, 11, 1), days: 2, (2, 4), (0, 0));
            await WriteAsync(store, MeteredGrant.Of("province-x86", EduGrant, "edu", "wuhu"), new DateOnly(2026, 11, 30), days: 1, (4, 8), (2, 0));
            await store.AddReclaimAsync(new ReclaimRecord(MeteringCalendar.HourStart(Calendar.FirstHour(new DateOnly(2026, 11, 3))), ArchiveGrant, "archive", "hefei",
                "xinchuang-arm", ResourceVector.Of(("vcpu", 2), ("memoryGiB", 4)), "idle"));
        }
        finally
        {
            await database.StopAsync();
        }
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var http = Controller.Operator();
        foreach (var pool in new object[] { new { id = "anhui", quota = new { vcpu = 64 } }, new { id = "hefei", parent = "anhui", quota = new { vcpu = 32 } },
            new { id = "wuhu", parent = "anhui", quota = new { vcpu = 16 } } })
        {
            using var created = await http.PostAsJsonAsync("/api/v1/pools", pool);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        foreach (var (tenant, pool) in new[] { ("health", "hefei"), ("archive", "hefei"), ("edu", "wuhu") })
        {
            using var created = await http.PostAsJsonAsync("/api/v1/tenants", new { id = tenant, pool, displayName = tenant + " department" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
    }

    /// <summary>A grant's closed hours over whole days of the province, the same amounts every hour.</summary>
    private static async Task WriteAsync(SqliteUsageStore store, MeteredGrant grant, DateOnly first, int days, (long Vcpu, long Memory) granted, (long Vcpu, long Memory) used)
    {
        var start = Calendar.FirstHour(first);
        var closed = new List<ClosedGrantHour>();
        for (var hour = start; hour < start + (days * 24); hour++)
        {
            var totals = new MeterTotals();
            totals.AddStep(ResourceVector.Of(("vcpu", granted.Vcpu), ("memoryGiB", granted.Memory)),
                ResourceVector.Of(("vcpu", used.Vcpu), ("memoryGiB", used.Memory)), MeteringCalendar.MsPerHour);
            var efficiency = totals.MaxEfficiency ?? 0;
            closed.Add(new ClosedGrantHour(grant, hour, Calendar.DayOf(hour), Calendar.MonthOf(hour), totals, efficiency <= 0.05, (long)Math.Round(efficiency * 1e6)));
        }

        await store.WriteAsync(new UsageWrite(start, [grant], closed, []));
    }
}
