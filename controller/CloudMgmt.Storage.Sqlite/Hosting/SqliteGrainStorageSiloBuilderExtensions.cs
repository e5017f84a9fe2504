using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Runtime.Hosting;
using CloudMgmt.Grains.Persistence;
using Orleans.Storage;

namespace CloudMgmt.Storage.Sqlite;

public static class SqliteGrainStorageSiloBuilderExtensions
{
    /// <summary>
    /// Adds SQLite grain storage as the default provider (used by [PersistentState] without a provider
    /// name), and the <see cref="ILedgerStore"/>, <see cref="IAuditStore"/> and <see cref="IUsageStore"/> on the same file.
    /// </summary>
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder builder, Action<SqliteGrainStorageOptions> configure) =>
        builder.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configure)
            .ConfigureServices(services =>
            {
                static SqliteDatabase Database(IServiceProvider sp) =>
                    ((SqliteGrainStorage)sp.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)).Database;
                services.AddSingleton<ILedgerStore>(sp => new SqliteLedgerStore(Database(sp)));
                services.AddSingleton<IAuditStore>(sp => new SqliteAuditStore(Database(sp)));
                services.AddSingleton<IUsageStore>(sp => new SqliteUsageStore(Database(sp)));
            });

    /// <summary>Adds a named SQLite grain storage provider.</summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteGrainStorageOptions> configure) =>
        builder.ConfigureServices(services =>
        {
            services.AddOptions<SqliteGrainStorageOptions>(name).Configure(configure);
            // Orleans' binary serializer rather than the silo-wide JSON default: pool ledgers are
            // rewritten on every batch, and the binary form is several times smaller and faster.
            // It is version-tolerant for state types marked [GenerateSerializer] with [Id]s.
            services.TryAddKeyedSingleton<IGrainStorageSerializer>(name, (sp, _) => new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>()));
            services.AddTransient<IPostConfigureOptions<SqliteGrainStorageOptions>,
                DefaultStorageProviderSerializerOptionsConfigurator<SqliteGrainStorageOptions>>();
            services.AddTransient<IConfigurationValidator>(sp => new SqliteGrainStorageOptionsValidator(
                sp.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(name), name));
            services.AddGrainStorage(name, (sp, n) => new SqliteGrainStorage(
                n, sp.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(n), sp.GetRequiredService<ILogger<SqliteGrainStorage>>()));
        });
}
