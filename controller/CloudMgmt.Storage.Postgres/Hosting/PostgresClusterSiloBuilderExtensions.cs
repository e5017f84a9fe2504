using CloudMgmt.Grains.Persistence;
using CloudMgmt.Storage.Postgres.Audit;
using CloudMgmt.Storage.Postgres.Ledger;
using CloudMgmt.Storage.Postgres.Schema;
using CloudMgmt.Storage.Postgres.Usage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace CloudMgmt.Storage.Postgres.Hosting;

public static class PostgresClusterSiloBuilderExtensions
{
    /// <summary>The ADO.NET invariant name the Orleans providers resolve Npgsql by.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// Membership, default grain storage, reminders, the <see cref="ILedgerStore"/>, the <see cref="IAuditStore"/> and the <see cref="IUsageStore"/> on one
    /// PostgreSQL database; when <paramref name="migrateOnStart"/>, the schema is brought up to date
    /// before anything else in the silo touches the database.
    /// </summary>
    public static ISiloBuilder UsePostgresCluster(this ISiloBuilder builder, string connectionString, bool migrateOnStart)
    {
        var normalized = Normalize(connectionString);
        builder.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (Invariant, normalized));
        builder.UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = (Invariant, normalized));
        // Orleans' binary serializer, as for SQLite: the grain states are [GenerateSerializer] types,
        // and the binary form is version-tolerant for them and several times smaller than JSON.
        builder.AddAdoNetGrainStorageAsDefault(o => o.Configure<Serializer>((options, serializer) =>
        {
            (options.Invariant, options.ConnectionString) = (Invariant, normalized);
            options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        return builder.ConfigureServices(services =>
        {
            services.AddSingleton(_ => NpgsqlDataSource.Create(normalized));
            services.AddSingleton<ILedgerStore, PostgresLedgerStore>();
            services.AddSingleton<IAuditStore, PostgresAuditStore>();
            services.AddSingleton<IUsageStore, PostgresUsageStore>();
            services.AddSingleton<PostgresSchemaMigrator>();
            if (migrateOnStart)
            {
                services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaMigrationParticipant>();
            }
        });
    }

    /// <summary>
    /// Timestamps are exchanged in UTC whatever the server's time zone, so that the membership
    /// protocol's heartbeat arithmetic means the same on every node.
    /// </summary>
    public static string Normalize(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Timezone = "UTC" }.ConnectionString;
}

/// <summary>Runs the schema migration first thing in the silo's start, before membership or storage read their queries.</summary>
internal sealed class SchemaMigrationParticipant(PostgresSchemaMigrator migrator) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaMigrationParticipant), ServiceLifecycleStage.First, async ct => await migrator.ApplyAsync(ct));
}
