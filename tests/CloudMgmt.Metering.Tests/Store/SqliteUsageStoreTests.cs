using CloudMgmt.Storage.Sqlite;
using CloudMgmt.Testing.Metering;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudMgmt.Metering.Tests.Store;

/// <summary>One SQLite file for the class, as a silo has it: the writer and pooled readers.</summary>
public sealed class SqliteUsageFixture : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cloudmgmt-usage-tests", Guid.NewGuid().ToString("N"));

    public SqliteDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = new SqliteDatabase(new SqliteGrainStorageOptions { DataSource = Path.Combine(_dir, "state.db") }, NullLogger.Instance);
        await Database.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Database.StopAsync();
        Directory.Delete(_dir, recursive: true);
    }
}

/// <summary>The <see cref="Grains.Persistence.IUsageStore"/> contract on SQLite (the same checks run on PostgreSQL in the cluster tests).</summary>
public sealed class SqliteUsageStoreTests(SqliteUsageFixture fixture) : IClassFixture<SqliteUsageFixture>
{
    private readonly UsageStoreContract _contract = new(new SqliteUsageStore(fixture.Database));

    [Fact]
    public Task Write_ClosedHour_CountsIntoItsDayAndMonthAndIsReadBack() => _contract.Write_ClosedHour_CountsIntoItsDayAndMonthAndIsReadBack();

    [Fact]
    public Task Write_SameWriteTwice_CountsOnce() => _contract.Write_SameWriteTwice_CountsOnce();

    [Fact]
    public Task Write_SameHourFromTwoWritersAtOnce_CountsOnce() => _contract.Write_SameHourFromTwoWritersAtOnce_CountsOnce();

    [Fact]
    public Task Write_OpenHour_IsReadBackForItsCloud_UntilTheHourIsClosed() => _contract.Write_OpenHour_IsReadBackForItsCloud_UntilTheHourIsClosed();

    [Fact]
    public Task SumDays_ByPeriodAndMonth_SplitsAndKeepsOnlyTheDimensionsAsked() => _contract.SumDays_ByPeriodAndMonth_SplitsAndKeepsOnlyTheDimensionsAsked();

    [Fact]
    public Task Reclaims_AreReadBackByWindowAndTenant_OldestFirst() => _contract.Reclaims_AreReadBackByWindowAndTenant_OldestFirst();

    [Fact]
    public Task DeleteBefore_RemovesWhatIsPastRetention_AndKeepsTheRest() => _contract.DeleteBefore_RemovesWhatIsPastRetention_AndKeepsTheRest();
}
