using System.Diagnostics;
using Npgsql;

namespace CloudMgmt.Cluster.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use, made available once per test run by the project's own
/// set-up script (tests/setup/postgres.sh), and throw-away databases on it.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<Task<string>> Server = new(StartAsync);

    /// <summary>A fresh, empty database; dispose it to drop it.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var server = await Server.Value;
        var name = "cm_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(server + ";Database=postgres"))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new TestDatabase(server, name);
    }

    private static async Task<string> StartAsync()
    {
        var script = Path.Combine(RepositoryRoot(), "tests", "setup", "postgres.sh");
        var info = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}):\n{await stderr}");
        }

        return (await stdout).Trim().Split('\n')[^1].Trim();
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "tests", "setup", "postgres.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (tests/setup/postgres.sh) above " + AppContext.BaseDirectory);
    }
}

/// <summary>One database of the test server; dropped (connections closed by force) on dispose.</summary>
public sealed class TestDatabase(string server, string name) : IAsyncDisposable
{
    public string Name { get; } = name;

    public string ConnectionString { get; } = $"{server};Database={name}";

    public NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(ConnectionString);

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<List<object[]>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(ConnectionString.Replace($"Database={Name}", "Database=postgres", StringComparison.Ordinal));
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
