using CloudMgmt.Cluster.Tests.Infrastructure;
using CloudMgmt.Storage.Postgres.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;

namespace CloudMgmt.Cluster.Tests.Storage;

/// <summary>
/// The Orleans ADO.NET reminder table on our PostgreSQL query texts: upsert with ETags, reads by
/// grain and by ring range (a range that wraps read as two halves), removal only at the ETag held.
/// </summary>
public sealed class AdoNetReminderTableTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    private readonly string _serviceId = "reminders-" + Guid.NewGuid().ToString("N")[..8];
    private ServiceProvider _services = null!;
    private IReminderTable _table = null!;

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddLogging()
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("test", _serviceId))
            .UseAdoNetReminderService(o => o.Configure(options => (options.Invariant, options.ConnectionString) =
                (PostgresClusterSiloBuilderExtensions.Invariant, PostgresClusterSiloBuilderExtensions.Normalize(db.Database.ConnectionString))))
            .BuildServiceProvider();
        _table = _services.GetRequiredService<IReminderTable>();
        await _table.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private static ReminderEntry Entry(GrainId grain, string name, int periodSeconds = 60) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = new DateTime(2026, 11, 29, 1, 2, 3, DateTimeKind.Utc),
        Period = TimeSpan.FromSeconds(periodSeconds),
    };

    [Fact]
    public async Task Upsert_ThenReadRow_RoundTripsAndEveryUpsertIssuesANewETag()
    {
        var grain = GrainId.Create("pool", "a");
        var first = await _table.UpsertRow(Entry(grain, "sweep"));
        var second = await _table.UpsertRow(Entry(grain, "sweep", periodSeconds: 120));

        var read = await _table.ReadRow(grain, "sweep");
        Assert.NotEqual(first, second);
        Assert.Equal(second, read!.ETag);
        Assert.Equal(TimeSpan.FromSeconds(120), read.Period);
        Assert.Equal(new DateTime(2026, 11, 29, 1, 2, 3, DateTimeKind.Utc), read.StartAt.ToUniversalTime());
        Assert.Equal(grain, read.GrainId);
    }

    [Fact]
    public async Task ReadRows_ByGrain_ReturnsThatGrainsRemindersOnly()
    {
        var grain = GrainId.Create("pool", "b");
        await _table.UpsertRow(Entry(grain, "one"));
        await _table.UpsertRow(Entry(grain, "two"));
        await _table.UpsertRow(Entry(GrainId.Create("pool", "other"), "one"));

        var rows = await _table.ReadRows(grain);

        Assert.Equal(["one", "two"], rows.Reminders.Select(r => r.ReminderName).Order());
    }

    [Fact]
    public async Task RemoveRow_StaleETagKeepsIt_CurrentETagRemovesIt()
    {
        var grain = GrainId.Create("pool", "c");
        var stale = (await _table.UpsertRow(Entry(grain, "r")))!;
        var current = (await _table.UpsertRow(Entry(grain, "r")))!;

        Assert.False(await _table.RemoveRow(grain, "r", stale));
        Assert.NotNull(await _table.ReadRow(grain, "r"));
        Assert.True(await _table.RemoveRow(grain, "r", current));
        Assert.Null(await _table.ReadRow(grain, "r"));
    }

    [Fact]
    public async Task ReadRows_ByRange_TwoHalvesOfTheRingPartitionEveryReminder()
    {
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("tenant", $"t{i}")).ToList();
        foreach (var grain in grains)
        {
            await _table.UpsertRow(Entry(grain, "r"));
        }

        // (0, 2^31] does not wrap in unsigned order but does in signed order, and (2^31, 0] the other
        // way round: between them both of the provider's range queries are used.
        var low = (await _table.ReadRows(0u, 0x8000_0000u)).Reminders.Select(r => r.GrainId).ToList();
        var high = (await _table.ReadRows(0x8000_0000u, 0u)).Reminders.Select(r => r.GrainId).ToList();

        Assert.Empty(low.Intersect(high));
        Assert.Equal(grains.Order(), low.Concat(high).Order());
        Assert.All(low, g => Assert.InRange(g.GetUniformHashCode(), 1u, 0x8000_0000u));
    }
}
