using CloudMgmt.Adapters.Sandbox;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains.Keys;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Host.Hosting.Settings;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Host.Hosting;

/// <summary>
/// Runs once the silo is up: makes sure an operator can log in, and wakes the quota tree so that
/// pools check any reservation a crash left unconfirmed. Readiness waits for it.
/// </summary>
internal sealed partial class StartupRecovery(
    IGrainFactory grains, DataDirectory dataDir, IOptions<SandboxRegistrationOptions> sandbox, IOptions<AdminTokenOptions> adminToken, StartupState startup,
    CloudMgmt.Reconciliation.Clouds.CloudRefresher refresher, ILogger<StartupRecovery> logger)
    : IHostedService
{
    private const string FileKeyId = "admin-file";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await BootstrapAdminTokenAsync();
        await grains.GetGrain<ICatalogGrain>(CatalogGrain.Key).Reconcile();
        await RegisterSandboxCloudsAsync(cancellationToken);
        startup.MarkReady();
        LogReady(logger, dataDir.Path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The embedded default manages two sandbox clouds out of the box (a provincial x86 cloud and a
    /// Xinchuang ARM cloud), so there is something to look at; only on a first start, and not when
    /// Sandbox:RegisterDefaults is false. Each is inventoried at once, before the controller says it
    /// is ready: the inventory schedule's first pass may have run before they existed, and until a
    /// cloud's first inventory no request can be placed on it (a 409 on a fresh controller).
    /// </summary>
    private async Task RegisterSandboxCloudsAsync(CancellationToken cancellationToken)
    {
        if (!sandbox.Value.RegisterDefaults
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
            await refresher.RefreshAsync(id, cancellationToken); // in-process; a failure is the cloud's health, not ours
        }
    }

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Registered sandbox cloud {CloudId} (embedded default)")]
    private static partial void LogSandboxCloud(ILogger logger, string cloudId);

    private async Task BootstrapAdminTokenAsync()
    {
        var keys = grains.GetGrain<IKeyStoreGrain>(KeyStoreGrain.Key);
        if (adminToken.Value is { Given: true, Token: { } fromEnv })
        {
            await keys.EnsureOperatorKey("admin-env", TokenHash.Of(fromEnv.Trim()), "from CLOUDMGMT_ADMIN_TOKEN");
            LogEnvToken(logger);
            await RetireFileTokenAsync(keys);
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
        await keys.EnsureOperatorKey(FileKeyId, TokenHash.Of(stored), "generated at first start");
    }

    /// <summary>
    /// With CLOUDMGMT_ADMIN_TOKEN given, the token generated into the data folder on an earlier start
    /// is no longer an operator's: its key is revoked and its file deleted, so that a copy of the
    /// file (a backup, an old volume) opens nothing. Unsetting the variable later generates a new one.
    /// </summary>
    private async Task RetireFileTokenAsync(IKeyStoreGrain keys)
    {
        if (await keys.Get(FileKeyId) is { RevokedAt: null })
        {
            await keys.Revoke(FileKeyId);
            LogFileKeyRetired(logger, FileKeyId);
        }

        if (File.Exists(dataDir.AdminTokenFile))
        {
            File.Delete(dataDir.AdminTokenFile);
            LogFileRetired(logger, dataDir.AdminTokenFile);
        }
    }

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning,
        Message = "CLOUDMGMT_ADMIN_TOKEN is given: the generated operator key {KeyId} is revoked; its token no longer authenticates")]
    private static partial void LogFileKeyRetired(ILogger logger, string keyId);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "CLOUDMGMT_ADMIN_TOKEN is given: deleted the generated token file {File}")]
    private static partial void LogFileRetired(ILogger logger, string file);

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
