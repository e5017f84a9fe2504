using System.ComponentModel.DataAnnotations;

namespace CloudMgmt.Host.Hosting.Settings;

/// <summary>Placement (section <c>Placement</c>).</summary>
public sealed class PlacementOptions
{
    /// <summary>Placement policy YAML; the shipped policies/placement/default.yaml when unset.</summary>
    public string? PolicyFile { get; set; }
}

/// <summary>The built-in sandbox clouds (section <c>Sandbox</c>).</summary>
public sealed class SandboxRegistrationOptions
{
    /// <summary>Register the two sandbox clouds on a first start.</summary>
    public bool RegisterDefaults { get; set; } = true;
}

/// <summary>The silo's ports (section <c>Orleans</c>).</summary>
public sealed class OrleansPortOptions
{
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;
}

/// <summary>How often /metrics' figures are read from the grains (section <c>Metrics</c>).</summary>
public sealed class MetricsRefreshOptions
{
    /// <summary>Zero: on every scrape.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// The <c>Cluster</c> section as an operator sets it; <see cref="ClusterSettings"/> reads it and checks
/// what spans settings (a connection string for postgres, the drain inside the shutdown timeout).
/// </summary>
public sealed class ClusterOptions
{
    /// <summary>embedded (one silo, SQLite) or postgres (several silos on one database).</summary>
    [RegularExpression("^(?i)(embedded|postgres)$", ErrorMessage = "must be 'embedded' or 'postgres'")]
    public string Mode { get; set; } = "embedded";

    /// <summary>PostgreSQL connection string (or ConnectionStrings:cloudmgmt).</summary>
    public string? ConnectionString { get; set; }

    public string ClusterId { get; set; } = "cloudmgmt";

    public string ServiceId { get; set; } = "cloudmgmt";

    public string? AdvertisedIP { get; set; }

    public bool MigrateOnStart { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(25);

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DrainDelay { get; set; } = TimeSpan.Zero;

    public bool KubernetesHosting { get; set; }
}

/// <summary>Quartz clustering on PostgreSQL (section <c>Cluster:Quartz</c>).</summary>
public sealed class ClusterQuartzOptions
{
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(15);

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(5);
}
