using CloudMgmt.Cluster.Tests.Infrastructure;
using CloudMgmt.Host.Hosting;
using CloudMgmt.Storage.Postgres.Schema;

namespace CloudMgmt.Cluster.Tests.Hosting;

public sealed class MigrateCommandTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await PostgresServer.CreateDatabaseAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Run_TwiceOnAFreshDatabase_MigratesToTheLatestVersionAndSucceedsAgain()
    {
        Assert.True(MigrateCommand.IsRequested(["migrate", "--Cluster:ConnectionString", _db.ConnectionString]));

        Assert.Equal(0, await MigrateCommand.RunAsync(["migrate", "--Cluster:ConnectionString", _db.ConnectionString]));
        Assert.Equal(0, await MigrateCommand.RunAsync(["migrate", "--Cluster:ConnectionString", _db.ConnectionString]));

        Assert.Equal(SchemaMigration.Latest, await _db.ScalarAsync<int>("SELECT max(version) FROM cloudmgmt_schema_version"));
    }

    [Fact]
    public async Task Run_WithoutConnectionString_FailsWithUsageExitCode() =>
        Assert.Equal(2, await MigrateCommand.RunAsync(["migrate"]));
}
