using CloudMgmt.Cluster.Tests.Infrastructure;
using CloudMgmt.Storage.Postgres.Usage;
using CloudMgmt.Testing.Metering;

namespace CloudMgmt.Cluster.Tests.Storage;

/// <summary>The <see cref="Grains.Persistence.IUsageStore"/> contract, as the SQLite store keeps it, on PostgreSQL.</summary>
public sealed class PostgresUsageStoreTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>
{
    private readonly UsageStoreContract _contract = new(new PostgresUsageStore(db.DataSource));

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
