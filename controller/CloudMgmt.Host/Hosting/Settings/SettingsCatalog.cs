using System.ComponentModel.DataAnnotations;
using CloudMgmt.Adapters;
using CloudMgmt.Application.Audit;
using CloudMgmt.Application.Keys;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Grains.Usage;
using CloudMgmt.Host.Api.Limits;
using CloudMgmt.Host.Auth.Oidc;
using CloudMgmt.Metering;
using CloudMgmt.Portal.Session;
using CloudMgmt.Reconciliation.Clouds;
using CloudMgmt.Reconciliation.Elastic;

namespace CloudMgmt.Host.Hosting.Settings;

/// <summary>
/// Every options class an operator sets, with its configuration section: the one list that
/// <c>--help</c> is generated from and that is checked before anything starts (<see cref="Check"/>).
/// A test finds every *Options class of the controller's assemblies here, so a new one cannot be missed.
/// </summary>
internal static class SettingsCatalog
{
    public static readonly IReadOnlyList<(string Section, Type Options)> Entries =
    [
        ("Orleans", typeof(OrleansPortOptions)),
        ("Cluster", typeof(ClusterOptions)),
        ("Cluster:Quartz", typeof(ClusterQuartzOptions)),
        ("Limits", typeof(RequestLimitsOptions)),
        ("Auth:Keys", typeof(KeyOptions)),
        ("Auth:Oidc", typeof(OidcOptions)),
        ("Console", typeof(ConsoleOptions)),
        ("Audit", typeof(AuditOptions)),
        (CredentialsOptions.SectionName, typeof(CredentialsOptions)),
        ("Sandbox", typeof(SandboxRegistrationOptions)),
        ("Placement", typeof(PlacementOptions)),
        ("Reconcile", typeof(ReconcileScheduleOptions)),
        ("Reconcile", typeof(StuckWorkOptions)),
        ("Reservations", typeof(ReservationOptions)),
        ("Resilience", typeof(CloudResilienceOptions)),
        ("Elastic", typeof(ElasticScheduleOptions)),
        ("Usage", typeof(UsageHistoryOptions)),
        ("Metering", typeof(MeteringOptions)),
        ("Metering", typeof(MeteringScheduleOptions)),
        ("Metrics", typeof(MetricsRefreshOptions)),
        ("Metrics", typeof(Monitoring.MetricsAccessOptions)),
        ("RateLimits:Operator", typeof(Auth.RateLimits.OperatorRateLimitOptions)),
        ("RateLimits:Department", typeof(Auth.RateLimits.DepartmentRateLimitOptions)),
        ("RateLimits:Viewer", typeof(Auth.RateLimits.ViewerRateLimitOptions)),
        ("RateLimits:Metrics", typeof(Auth.RateLimits.MetricsRateLimitOptions)),
        ("RateLimits:FailedAuthentication", typeof(Auth.RateLimits.FailedAuthenticationRateLimitOptions)),
    ];

    /// <summary>Options classes that are not settings of their own (a library's, or read from elsewhere).</summary>
    public static readonly IReadOnlySet<string> NotSettings = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(AdminTokenOptions), // the CLOUDMGMT_ADMIN_TOKEN variable, listed under Environment
        "SandboxOptions", // a sandbox cloud's preset, given with its registration
        "SqliteGrainStorageOptions", // set by the host from --data-dir
    };

    public static string? SectionOf(Type options) => Entries.FirstOrDefault(e => e.Options == options).Section;

    /// <summary>Binds a section the way the options classes are bound (for settings read while the host is being built).</summary>
    public static T Read<T>(IConfiguration configuration)
        where T : class, new() =>
        configuration.GetSection(Entries.First(e => e.Options == typeof(T)).Section).Get<T>() ?? new T();

    /// <summary>
    /// Every setting's problem, each naming the setting: values that do not convert, ranges and rules
    /// of the options classes, and the cluster's rules that span settings. Run before anything
    /// starts, since some settings (the schedules, the ports) are used while the host is built.
    /// </summary>
    public static IReadOnlyList<string> Check(IConfiguration configuration)
    {
        var problems = new List<string>();
        foreach (var (section, type) in Entries)
        {
            var options = Activator.CreateInstance(type)!;
            try
            {
                configuration.GetSection(section).Bind(options);
            }
            catch (InvalidOperationException e)
            {
                problems.Add(e.Message); // "Failed to convert configuration value at 'Section:Name' to type ..."
                continue;
            }

            var results = new List<ValidationResult>();
            Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
            problems.AddRange(results.Select(r => Describe(section, r)));
        }

        if (problems.Count == 0)
        {
            problems.AddRange(ClusterSettings.From(configuration).Errors); // what spans settings: postgres needs a connection string, ...
        }

        return problems;
    }

    private static string Describe(string section, ValidationResult result)
    {
        var message = result.ErrorMessage ?? "is not valid";
        return message.StartsWith(section + ":", StringComparison.Ordinal)
            ? message
            : $"{SettingNames.Qualify(section, string.Join(", ", result.MemberNames))}: {message}";
    }
}
