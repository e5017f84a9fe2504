using CloudMgmt.Adapters.Sandbox;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains.Keys;
using CloudMgmt.Grains.Pools;

namespace CloudMgmt.Host.Hosting;

/// <summary>
/// Runs once the silo is up: makes sure an operator can log in, and wakes the quota tree so that
/// pools check any reservation a crash left unconfirmed. Readiness waits for it.
/// </summary>
internal sealed partial class StartupRecovery(
    IGrainFactory grains, DataDirectory dataDir, IConfiguration configuration, StartupState startup, ILogger<StartupRecovery> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await BootstrapAdminTokenAsync();
        await grains.GetGrain<ICatalogGrain>(CatalogGrain.Key).Reconcile();
        await RegisterSandboxCloudsAsync();
        startup.MarkReady();
        LogReady(logger, dataDir.Path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The embedded default manages two sandbox clouds out of the box (a provincial x86 cloud and a
    /// Xinchuang ARM cloud), so there is something to look at; only on a first start, and not when
    /// Sandbox:RegisterDefaults is false.
    /// </summary>
    private async Task RegisterSandboxCloudsAsync()
    {
        if (!configuration.GetValue("Sandbox:RegisterDefaults", true)
            || (await grains.GetGrain<ICloudDirectoryGrain>(CloudDirectoryGrain.Key).List()).Count > 0)
        {
            return;
        }

        foreach (var (id, preset) in new[] { ("province-x86", "province-x86"), ("xinchuang-arm", "xinchuang-arm") })
        {
            var options = preset == "xinchuang-arm" ? SandboxPresets.XinchuangArm() : SandboxPresets.ProvinceX86();
            await grains.GetGrain<ICloudGrain>(id).Register(new CloudSpec(id, SandboxAdapter.KindName, "anhui",
                new Dictionary<string, string>(options.Labels), null, null, new Dictionary<string, string> { ["preset"] = preset }));
            LogSandboxCloud(logger, id);
        }
    }

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Registered sandbox cloud {CloudId} (embedded default)")]
    private static partial void LogSandboxCloud(ILogger logger, string cloudId);

    private async Task BootstrapAdminTokenAsync()
    {
        var keys = grains.GetGrain<IKeyStoreGrain>(KeyStoreGrain.Key);
        var fromEnv = configuration["CLOUDMGMT_ADMIN_TOKEN"];
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            await keys.EnsureOperatorKey("admin-env", TokenHash.Of(fromEnv.Trim()), "from CLOUDMGMT_ADMIN_TOKEN");
            LogEnvToken(logger);
            return;
        }

        var file = dataDir.AdminTokenFile;
        if (!File.Exists(file))
        {
            var token = TokenHash.NewToken();
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // 0600 from the first byte
            }

            await using (var stream = new FileStream(file, options))
            await using (var writer = new StreamWriter(stream))
            {
                await writer.WriteLineAsync(token);
            }

            LogGenerated(logger, file);
        }
        else
        {
            LogExisting(logger, file);
        }

        var stored = (await File.ReadAllTextAsync(file)).Trim();
        await keys.EnsureOperatorKey("admin-file", TokenHash.Of(stored), "generated at first start");
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Operator token taken from CLOUDMGMT_ADMIN_TOKEN")]
    private static partial void LogEnvToken(ILogger logger);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "No CLOUDMGMT_ADMIN_TOKEN given: generated an operator token into {File} (mode 0600). Use it as 'Authorization: Bearer <token>'")]
    private static partial void LogGenerated(ILogger logger, string file);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Operator token is in {File}")]
    private static partial void LogExisting(ILogger logger, string file);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "CloudMgmt ready; state in {DataDir}")]
    private static partial void LogReady(ILogger logger, string dataDir);
}

/// <summary>Whether start-up recovery has finished; /readyz reports it.</summary>
public sealed class StartupState
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
