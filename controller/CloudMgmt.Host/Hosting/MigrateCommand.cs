using CloudMgmt.Storage.Postgres.Hosting;
using CloudMgmt.Storage.Postgres.Schema;
using Npgsql;

namespace CloudMgmt.Host.Hosting;

/// <summary>
/// <c>cloudmgmt migrate --Cluster:ConnectionString ...</c>: brings the clustered mode's PostgreSQL
/// schema to the latest version and exits, for deployments that run the schema change as its own
/// step (and run the silos with Cluster:MigrateOnStart=false and no DDL rights).
/// </summary>
internal static class MigrateCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "migrate";

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args[1..]).Build();
        var connection = configuration["Cluster:ConnectionString"] ?? configuration.GetConnectionString("cloudmgmt");
        if (string.IsNullOrWhiteSpace(connection))
        {
            await Console.Error.WriteLineAsync("cloudmgmt migrate: Cluster:ConnectionString (or ConnectionStrings:cloudmgmt) is required");
            return 2;
        }

        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
        await using var dataSource = NpgsqlDataSource.Create(PostgresClusterSiloBuilderExtensions.Normalize(connection));
        var result = await new PostgresSchemaMigrator(dataSource, loggers.CreateLogger<PostgresSchemaMigrator>()).ApplyAsync(CancellationToken.None);
        Console.WriteLine($"schema version {result.VersionBefore} -> {result.VersionAfter} ({result.Applied.Count} steps applied)");
        return 0;
    }
}
