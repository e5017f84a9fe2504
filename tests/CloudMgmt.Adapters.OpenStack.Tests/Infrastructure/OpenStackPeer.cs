using System.Diagnostics;

namespace CloudMgmt.Adapters.OpenStack.Tests.Infrastructure;

/// <summary>
/// The real OpenStack (Keystone, Placement, Nova with the fake virt driver) the tests run against,
/// started by the project's own set-up script tests/setup/openstack/up.sh: it installs Debian's
/// packages on first use (about 4 minutes) and is idempotent and quick (about 10 s) when the services
/// run already. Its openrc gives the URLs and admin credentials.
/// </summary>
public sealed class OpenStackPeer : IAsyncLifetime
{
    public static readonly string RepoRoot = FindRepoRoot();

    public IReadOnlyDictionary<string, string> Rc { get; private set; } = new Dictionary<string, string>();

    public string AuthUrl => Rc["OS_AUTH_URL"];

    public string AdminPassword => Rc["OS_PASSWORD"];

    public string ComputeUrl => Rc["OS_PEER_COMPUTE_URL"];

    public string PlacementUrl => Rc["OS_PEER_PLACEMENT_URL"];

    public string ImageId => Rc["OS_PEER_IMAGE_ID"];

    public string StateDir => Rc["OS_PEER_STATE"];

    public PeerAdmin Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var output = await RunScriptAsync("up.sh", TimeSpan.FromMinutes(15));
        Rc = output.Split('\n')
            .Where(l => l.StartsWith("export ", StringComparison.Ordinal))
            .Select(l => l["export ".Length..].Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        Admin = await PeerAdmin.ConnectAsync(this);
    }

    public Task DisposeAsync()
    {
        Admin?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Stops one service of the peer (e.g. "placement"), as an outage would, by its PID file.</summary>
    public void Stop(string service)
    {
        var pidFile = Path.Combine(StateDir, "run", service + ".pid");
        var pid = int.Parse(File.ReadAllText(pidFile).Split(' ')[0]);
        using var process = Process.GetProcessById(pid);
        process.Kill(entireProcessTree: true);
        process.WaitForExit(30_000);
        File.Delete(pidFile);
    }

    /// <summary>Starts whatever of the peer is not running (up.sh is idempotent).</summary>
    public Task StartAgainAsync() => RunScriptAsync("up.sh", TimeSpan.FromMinutes(5));

    private static async Task<string> RunScriptAsync(string script, TimeSpan timeout)
    {
        var path = Path.Combine(RepoRoot, "tests", "setup", "openstack", script);
        var start = new ProcessStartInfo("bash", [path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{script} did not finish in {timeout}: {await stderr}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}): {Tail(await stderr)}");
        return await stdout;
    }

    private static string Tail(string text) => string.Join('\n', text.Split('\n').TakeLast(30));

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CloudMgmt.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CloudMgmt.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class OpenStackCollection : ICollectionFixture<OpenStackPeer>
{
    public const string Name = "openstack";
}
