using System.Reflection;
using CloudMgmt.Host.Hosting.Settings;

namespace CloudMgmt.Security.Tests.Hosting;

/// <summary>
/// Configuration checked at start, on a real controller process: a bad value stops the start with
/// exit code 3 and a line naming the setting, and --help lists every command and every setting of
/// the options classes with its default and range.
/// </summary>
public sealed class SettingsTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private static readonly Dictionary<string, string?> NoChange = [];
    private readonly TempDirectory _data = new("cloudmgmt-security-settings");

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData("--Reconcile:GrantInterval", "-00:00:05", "Reconcile:GrantInterval: The field GrantInterval must be between")]
    [InlineData("--Resilience:MaxRetries", "-1", "Resilience:MaxRetries: The field MaxRetries must be between 0 and 20")]
    [InlineData("--Orleans:SiloPort", "70000", "Orleans:SiloPort: ")]
    [InlineData("--Elastic:Interval", "soon", "'Elastic:Interval'")]
    [InlineData("--Cluster:Mode", "etcd", "Cluster:Mode: must be 'embedded' or 'postgres'")]
    [InlineData("--RateLimits:Department:PerSecond", "0", "RateLimits:Department:PerSecond: The field PerSecond must be between 1 and 1000000")]
    [InlineData("--Credentials:EnvironmentPrefix", "CLOUDMGMT_", "Credentials:EnvironmentPrefix 'CLOUDMGMT_' would let a cloud reference name")] // checked by the host's validators at start
    public async Task Start_WithBadSetting_StopsNamingTheSetting(string setting, string value, string expected)
    {
        var (exit, output) = await ControllerProcess.RunToExitAsync(_data.Path, NoChange, Limit,
            setting, value, "--Sandbox:RegisterDefaults", "false", "--Elastic:Enabled", "false");

        Assert.True(exit == 3, $"exit code {exit}, expected 3:\n{output}");
        Assert.Contains("cloudmgmt: cannot start, the configuration is not valid:", output, StringComparison.Ordinal);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsEveryCommandAndEverySettingWithDefault()
    {
        var (exit, output) = await ControllerProcess.RunToExitAsync(_data.Path, NoChange, Limit, "--help");

        Assert.Equal(0, exit);
        Assert.Contains("cloudmgmt migrate [options]", output, StringComparison.Ordinal);
        Assert.Contains("--Reconcile:GrantInterval", output, StringComparison.Ordinal);
        Assert.Matches(@"--Reconcile:GrantInterval\s+<d\.hh:mm:ss>; default 00:00:10; range 00:00:00\.100 to 1\.00:00:00", output);
        Assert.Matches(@"--Resilience:MaxRetries\s+<integer>; default 3; range 0 to 20", output);
        Assert.Matches(@"--Limits:MaxRequestBodyBytes\s+<integer>; default 1048576; range 1024 to 67108864", output);
        Assert.Contains("CLOUDMGMT_ADMIN_TOKEN", output, StringComparison.Ordinal);
        foreach (var (section, type) in SettingsCatalog.Entries)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetSetMethod() is not null))
            {
                Assert.Contains($"--{section}:{property.Name} ", output, StringComparison.Ordinal);
            }
        }

        Assert.False(Directory.Exists(Path.Combine(_data.Path, "state.db")));
    }

    /// <summary>A new options class cannot be left out of --help and the start-up check: every one is in the catalog, or said not to be a setting.</summary>
    [Fact]
    public void Catalog_HoldsEveryOptionsClassOfTheController()
    {
        var assemblies = typeof(SettingsCatalog).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith("CloudMgmt.", StringComparison.Ordinal)).Select(Assembly.Load)
            .Append(typeof(SettingsCatalog).Assembly)
            .Concat(typeof(CloudMgmt.Adapters.CredentialsOptions).Assembly.GetReferencedAssemblies()
                .Where(a => a.Name!.StartsWith("CloudMgmt.", StringComparison.Ordinal)).Select(Assembly.Load))
            .Distinct();
        var options = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Options", StringComparison.Ordinal)
                && t.GetConstructor(Type.EmptyTypes) is not null)
            .ToList();

        Assert.True(options.Count >= SettingsCatalog.Entries.Count, $"only {options.Count} options classes found");
        var missing = options.Where(t => SettingsCatalog.SectionOf(t) is null && !SettingsCatalog.NotSettings.Contains(t.Name)).Select(t => t.FullName).ToList();
        Assert.True(missing.Count == 0, "options classes neither in SettingsCatalog nor in its NotSettings: " + string.Join(", ", missing));
    }
}
