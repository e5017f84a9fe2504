using CloudMgmt.Grains.Persistence;
using CloudMgmt.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace CloudMgmt.Storage.Sqlite.Tests;

/// <summary>The audit store contract on the state file.</summary>
public sealed class SqliteAuditStoreTests : AuditStoreContract, IAsyncLifetime
{
    private readonly StorageFixture _fixture = new();

    protected override string Records => "audit_records";

    protected override async Task<IAuditStore> StoreAsync() => new SqliteAuditStore((await _fixture.OpenAsync()).Database);

    protected override Task<IAuditStore> ReopenAsync() => StoreAsync();

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_fixture.File}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _fixture.DisposeAsync();
}
