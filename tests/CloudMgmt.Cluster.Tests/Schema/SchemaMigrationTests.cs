using CloudMgmt.Cluster.Tests.Infrastructure;
using CloudMgmt.Storage.Postgres.Schema;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudMgmt.Cluster.Tests.Schema;

public sealed class SchemaMigrationTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await PostgresServer.CreateDatabaseAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private PostgresSchemaMigrator Migrator() => new(_db.CreateDataSource(), NullLogger<PostgresSchemaMigrator>.Instance);

    [Fact]
    public async Task Apply_FreshDatabase_AppliesEveryStepAndRecordsTheVersion()
    {
        var result = await Migrator().ApplyAsync(CancellationToken.None);

        Assert.Equal(0, result.VersionBefore);
        Assert.Equal(SchemaMigration.Latest, result.VersionAfter);
        Assert.Equal(SchemaMigration.All.Select(m => m.Version), result.Applied);
        Assert.Equal(SchemaMigration.Latest, await Migrator().CurrentVersionAsync(CancellationToken.None));
        var recorded = await _db.RowsAsync("SELECT version, name FROM cloudmgmt_schema_version ORDER BY version");
        Assert.Equal(SchemaMigration.All.Select(m => (m.Version, m.Name)), recorded.Select(r => ((int)r[0], (string)r[1])));
    }

    [Fact]
    public async Task Apply_Twice_SecondRunIsANoOp()
    {
        await Migrator().ApplyAsync(CancellationToken.None);
        var queriesBefore = await _db.ScalarAsync<long>("SELECT count(*) FROM OrleansQuery");

        var second = await Migrator().ApplyAsync(CancellationToken.None);

        Assert.Empty(second.Applied);
        Assert.Equal(SchemaMigration.Latest, second.VersionBefore);
        Assert.Equal(SchemaMigration.Latest, second.VersionAfter);
        Assert.Equal(SchemaMigration.All.Count, await _db.ScalarAsync<long>("SELECT count(*) FROM cloudmgmt_schema_version"));
        Assert.Equal(queriesBefore, await _db.ScalarAsync<long>("SELECT count(*) FROM OrleansQuery"));
    }

    [Fact]
    public async Task Apply_ConcurrentlyFromSeveralNodes_AppliesEachStepOnce()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Migrator().ApplyAsync(CancellationToken.None)));

        Assert.Equal(SchemaMigration.All.Count, results.Sum(r => r.Applied.Count));
        Assert.All(results, r => Assert.Equal(SchemaMigration.Latest, r.VersionAfter));
    }

    [Fact]
    public async Task Apply_Fresh_CarriesEveryQueryTheOrleansProvidersRequire()
    {
        await Migrator().ApplyAsync(CancellationToken.None);

        // The keys the 10.4.2 providers ask for (read from their assemblies); a missing one stops a silo at start-up.
        string[] required =
        [
            "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey", "UpdateIAmAlivetimeKey",
            "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey", "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
            "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey",
            "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey", "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
        ];
        var present = (await _db.RowsAsync("SELECT QueryKey FROM OrleansQuery")).Select(r => (string)r[0]).ToHashSet();
        Assert.All(required, key => Assert.Contains(key, present));
    }
}
