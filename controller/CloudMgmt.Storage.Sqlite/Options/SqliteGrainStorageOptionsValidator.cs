using Orleans;
using Orleans.Runtime;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>
/// Checks <see cref="SqliteGrainStorageOptions"/> when the silo starts, reporting every problem
/// at once (with the option's path) rather than failing on the first.
/// </summary>
internal sealed class SqliteGrainStorageOptionsValidator(SqliteGrainStorageOptions options, string name)
    : IConfigurationValidator
{
    public void ValidateConfiguration()
    {
        var errors = Validate(options, name);
        if (errors.Count > 0)
        {
            throw new OrleansConfigurationException(string.Join(Environment.NewLine, errors));
        }
    }

    /// <summary>Returns all errors; empty when the options are usable.</summary>
    internal static IReadOnlyList<string> Validate(SqliteGrainStorageOptions options, string name)
    {
        var prefix = $"SqliteGrainStorage '{name}': {nameof(SqliteGrainStorageOptions)}";
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataSource))
        {
            errors.Add($"{prefix}.{nameof(options.DataSource)} is required: set it to the path of the SQLite database file, e.g. \"data/grains.db\".");
        }
        else if (options.DataSource.Trim() == ":memory:" || options.DataSource.Contains("mode=memory", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{prefix}.{nameof(options.DataSource)} must be a file path; an in-memory database is not durable.");
        }

        if (options.MaxBatchSize is < 1 or > 100_000)
        {
            errors.Add($"{prefix}.{nameof(options.MaxBatchSize)} must be between 1 and 100000 (was {options.MaxBatchSize}).");
        }

        if (options.WalCheckpointInterval < TimeSpan.FromMilliseconds(10) || options.WalCheckpointInterval > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{prefix}.{nameof(options.WalCheckpointInterval)} must be between 10 ms and 1 minute (was {options.WalCheckpointInterval}).");
        }

        if (options.WalSizeLimit is < 1024 * 1024 or > 16L * 1024 * 1024 * 1024)
        {
            errors.Add($"{prefix}.{nameof(options.WalSizeLimit)} must be between 1 MiB and 16 GiB (was {options.WalSizeLimit} bytes).");
        }

        if (!Enum.IsDefined(options.Synchronous))
        {
            errors.Add($"{prefix}.{nameof(options.Synchronous)} must be Normal or Full (was {options.Synchronous}).");
        }

        if (options.GrainStorageSerializer is null)
        {
            errors.Add($"{prefix}.{nameof(options.GrainStorageSerializer)} is not set and no default IGrainStorageSerializer was registered.");
        }

        return errors;
    }
}
