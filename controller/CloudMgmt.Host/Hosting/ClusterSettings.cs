using System.Net;

namespace CloudMgmt.Host.Hosting;

/// <summary>Where the silo keeps its cluster: one embedded process (the default), or PostgreSQL shared by several silos.</summary>
internal enum ClusterMode
{
    Embedded,
    Postgres,
}

/// <summary>
/// The <c>Cluster:*</c> settings. <c>Cluster:Mode</c> = <c>embedded</c> (default: one silo, SQLite
/// under the data folder) or <c>postgres</c> (several silos on one database; needs
/// <c>Cluster:ConnectionString</c> or <c>ConnectionStrings:cloudmgmt</c>).
/// </summary>
internal sealed record ClusterSettings(
    ClusterMode Mode,
    string? ConnectionString,
    string ClusterId,
    string ServiceId,
    IPAddress? AdvertisedIP,
    bool MigrateOnStart,
    TimeSpan ShutdownTimeout,
    TimeSpan DrainDelay,
    IReadOnlyList<string> Errors)
{
    /// <summary>Reads the Cluster section through <see cref="Settings.ClusterOptions"/> (whose ranges the settings check has applied) and checks what spans settings.</summary>
    public static ClusterSettings From(IConfiguration configuration)
    {
        var errors = new List<string>();
        var options = Settings.SettingsCatalog.Read<Settings.ClusterOptions>(configuration);
        var mode = options.Mode.ToLowerInvariant() switch
        {
            "embedded" => ClusterMode.Embedded,
            "postgres" => ClusterMode.Postgres,
            _ => Invalid(errors, $"Cluster:Mode must be 'embedded' or 'postgres', not '{options.Mode}'"),
        };
        var connection = options.ConnectionString ?? configuration.GetConnectionString("cloudmgmt");
        if (mode == ClusterMode.Postgres && string.IsNullOrWhiteSpace(connection))
        {
            errors.Add("Cluster:ConnectionString (or ConnectionStrings:cloudmgmt) is required when Cluster:Mode is 'postgres'");
        }

        IPAddress? advertised = null;
        if (options.AdvertisedIP is { Length: > 0 } ipText && !IPAddress.TryParse(ipText, out advertised))
        {
            errors.Add($"Cluster:AdvertisedIP must be an IP address, not '{ipText}'");
        }

        var (shutdown, drain) = (options.ShutdownTimeout, options.DrainDelay);
        if (shutdown <= TimeSpan.Zero)
        {
            errors.Add("Cluster:ShutdownTimeout must be positive");
        }

        if (drain < TimeSpan.Zero || (mode == ClusterMode.Postgres && drain >= shutdown))
        {
            errors.Add($"Cluster:DrainDelay must be at least zero and, in clustered mode, less than Cluster:ShutdownTimeout ({shutdown}), which it counts against");
        }

        return new ClusterSettings(mode, connection, options.ClusterId, options.ServiceId, advertised, options.MigrateOnStart, shutdown, drain, errors);
    }

    /// <summary>
    /// Every node must accept the same operator token: a token each node generated into its own data
    /// folder would replace the others' in the shared key store. So a clustered node needs
    /// CLOUDMGMT_ADMIN_TOKEN, or an admin-token file put in its data folder beforehand (the same on every node).
    /// </summary>
    public IReadOnlyList<string> Validate(IConfiguration configuration, DataDirectory dataDir)
    {
        var errors = Errors.ToList();
        if (Mode == ClusterMode.Postgres && string.IsNullOrWhiteSpace(configuration["CLOUDMGMT_ADMIN_TOKEN"]) && !File.Exists(dataDir.AdminTokenFile))
        {
            errors.Add($"in clustered mode every node must accept the same operator token: set CLOUDMGMT_ADMIN_TOKEN, or put the same token in {dataDir.AdminTokenFile} on every node");
        }

        return errors;
    }

    private static ClusterMode Invalid(List<string> errors, string error)
    {
        errors.Add(error);
        return ClusterMode.Embedded;
    }
}
