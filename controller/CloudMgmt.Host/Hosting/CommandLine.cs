using CloudMgmt.Host.Hosting.Settings;

namespace CloudMgmt.Host.Hosting;

/// <summary>
/// The command-line surface. Settings are read through ASP.NET Core configuration, so each also works
/// as an environment variable (Section__Name) or in appsettings.json; their list is generated from the
/// options classes (<see cref="SettingsCatalog"/>).
/// </summary>
internal static class CommandLine
{
    private const string Intro = """
        cloudmgmt: one management plane for a province's government clouds.

        Usage:
          cloudmgmt [options]                  Run the controller (API, console, silo, schedules).
          cloudmgmt migrate [options]          Bring the clustered mode's PostgreSQL schema to the latest version
                                               and exit (needs --Cluster:ConnectionString); for silos run with
                                               --Cluster:MigrateOnStart false.
          cloudmgmt --help                     Show this help (-h, -? too).

        Options:
          --data-dir <path>                    Where state is kept (SQLite file, generated admin token, credentials).
                                               Default: ./data. Env: CLOUDMGMT_DATA_DIR. Made mode 0700, its files 0600.
          --urls <urls>                        Addresses to listen on, as in any ASP.NET Core app.
                                               Default: http://localhost:5080.
          --Logging:Console:FormatterName json One JSON object per log line, for log shippers (default: simple).
          --Logging:LogLevel:<category> <level> Log levels (appsettings.json: framework categories at Warning).

        Settings (--Section:Name <value>, or the variable Section__Name; a bad value stops the start, naming it):
        """;

    private const string Outro = """

          --Cluster:Membership:...             Orleans' failure detection (ProbeTimeout, NumMissedProbesLimit, ...).

        Environment:
          CLOUDMGMT_ADMIN_TOKEN                An operator token to accept, at least 32 characters (openssl rand -hex 32).
                                               Without it, one is generated on first start into <data-dir>/admin-token
                                               (mode 0600); with it, that generated token is retired.
          CLOUDMGMT_CLOUD_*                    Cloud secrets that credentialsRef env:NAME may name (Credentials:EnvironmentPrefix).

        API: /api/v1/...; OpenAPI document at /openapi/v1.json; browsable docs at /docs;
        health at /healthz and /readyz; Prometheus metrics at /metrics.
        """;

    public static string Help => Intro + "\n" + SettingsHelp.Text() + "\n" + Outro;

    public static bool WantsHelp(string[] args) => args.Any(a => a is "-h" or "--help" or "-?");
}
