using CloudMgmt.Storage.Postgres.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CloudMgmt.Cluster.Tests.Infrastructure;

/// <summary>One fresh database at the latest schema, shared by a test class whose tests keep to their own keys.</summary>
public sealed class MigratedDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await PostgresServer.CreateDatabaseAsync();
        DataSource = Database.CreateDataSource();
        await new PostgresSchemaMigrator(DataSource, NullLogger<PostgresSchemaMigrator>.Instance).ApplyAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await Database.DisposeAsync();
    }
}
