namespace CloudMgmt.Host.Hosting;

/// <summary>The command-line surface. Options are read through ASP.NET Core configuration, so each also works as an environment variable.</summary>
internal static class CommandLine
{
    public const string Help = """
        cloudmgmt: one management plane for a province's government clouds.

        Usage: cloudmgmt [options]

        Options:
          --data-dir <path>        Where state is kept (SQLite file, generated admin token).
                                   Default: ./data. Env: CLOUDMGMT_DATA_DIR.
          --urls <urls>            Addresses to listen on, as in any ASP.NET Core app.
                                   Default: http://localhost:5080.
          --Orleans:SiloPort <n>   Silo port (default 11111); --Orleans:GatewayPort <n> (default 30000).
          --Reconcile:InventoryInterval <t>   Cloud inventory refresh (default 00:00:30).
          --Reconcile:GrantInterval <t>       Grant reconcile (default 00:00:10).
          --Reconcile:RemoveLeaks <bool>      Remove grants with our marks and no allocation (default false: report only).
          --Sandbox:RegisterDefaults <bool>   Register the two sandbox clouds on a first start (default true).
          --Placement:PolicyFile <path>       Placement policy YAML (default: the shipped policies/placement/default.yaml).
          --Elastic:PolicyFile <path>         Elastic policy YAML: grow, shrink, idle marking and reclaim
                                              (default: the shipped policies/elastic/default.yaml).
          --Elastic:Interval <t>              Elastic pass over every grant (default 00:01:00); --Elastic:Enabled false turns it off.
          --Usage:Retention <t>               Grants unseen this long lose their elastic windows (default 1.00:00:00).
          --Metering:...                      Usage metered into hours, days and months: UtcOffset (08:00:00), MaxStep,
                                              FlushEvery, HourlyRetention (90 days), DailyRetention (400 days),
                                              CatalogueFile (priced service catalogue YAML), BudgetRefresh; see README.
          --Resilience:...                    Per-cloud call guards: AttemptTimeout, MaxRetries, RetryDelay,
                                              BreakerFailureRatio, BreakerOpenFor, MaxConcurrentCalls.
          --Limits:...                        Request limits: MaxRequestBodyBytes (default 1048576), MaxUrlLength (8192),
                                              MaxHeadersBytes (32768), MaxHeaderCount (100).
          -h, --help               Show this help.

        Environment:
          CLOUDMGMT_ADMIN_TOKEN    An operator token to accept. Without it, one is generated on first
                                   start into <data-dir>/admin-token (mode 0600).

        API: /api/v1/...; OpenAPI document at /openapi/v1.json; browsable docs at /docs;
        health at /healthz and /readyz; Prometheus metrics at /metrics.
        """;

    public static bool WantsHelp(string[] args) => args.Any(a => a is "-h" or "--help" or "-?");
}
