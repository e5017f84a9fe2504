using CloudMgmt.Cluster.Tests.Infrastructure;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Storage.Postgres.Audit;
using CloudMgmt.Storage.Postgres.Schema;
using CloudMgmt.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CloudMgmt.Cluster.Tests.Storage;

/// <summary>The audit store contract on PostgreSQL: each test on a fresh database, since the chain is the database's.</summary>
public sealed class PostgresAuditStoreTests : AuditStoreContract, IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _open = [];
    private TestDatabase _database = null!;

    protected override string Records => "cloudmgmt_audit_records";

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync();
        await using var dataSource = _database.CreateDataSource();
        await new PostgresSchemaMigrator(dataSource, NullLogger<PostgresSchemaMigrator>.Instance).ApplyAsync(CancellationToken.None);
    }

    /// <summary>Each store has its own data source and writer, as each node of a cluster does.</summary>
    protected override Task<IAuditStore> StoreAsync()
    {
        var dataSource = _database.CreateDataSource();
        var store = new PostgresAuditStore(dataSource);
        _open.Add(store);
        _open.Add(dataSource);
        return Task.FromResult<IAuditStore>(store);
    }

    protected override Task<IAuditStore> ReopenAsync() => StoreAsync();

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    public async Task DisposeAsync()
    {
        foreach (var open in _open)
        {
            await open.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
