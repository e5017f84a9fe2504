using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace CloudMgmt.Cluster.Tests.Infrastructure;

/// <summary>
/// One real controller process (the built cloudmgmt.dll) in clustered mode on a test database, with
/// its own HTTP, silo and gateway ports and data folder, so a test can run several and SIGKILL one.
/// </summary>
public sealed class ClusterNode : IAsyncDisposable
{
    public const string AdminToken = "cluster-test-operator-token-0123456789";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly string _dataDir;

    private ClusterNode(Process process, Uri baseAddress, string dataDir, int siloPort)
    {
        _process = process;
        BaseAddress = baseAddress;
        _dataDir = dataDir;
        SiloPort = siloPort;
    }

    public Uri BaseAddress { get; }

    public int SiloPort { get; }

    public bool HasExited => _process.HasExited;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts a node and waits until /readyz says it is ready.</summary>
    public static Task<ClusterNode> StartAsync(string connectionString, string clusterId, params string[] extraArgs) =>
        StartAsync(connectionString, clusterId, new NodeSetup(), extraArgs);

    /// <summary>Starts a node set up as <paramref name="setup"/> says and waits until /readyz says it is ready.</summary>
    public static async Task<ClusterNode> StartAsync(string connectionString, string clusterId, NodeSetup setup, params string[] extraArgs)
    {
        var (httpPort, siloPort, gatewayPort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var dataDir = Path.Combine(Path.GetTempPath(), "cloudmgmt-cluster-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        if (setup.SharedSandboxDirectory is { } shared)
        {
            // <data-dir>/sandbox, where the controller keeps sandbox state files, is one folder for every node given it.
            Directory.CreateSymbolicLink(Path.Combine(dataDir, "sandbox"), shared);
        }

        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "cloudmgmt.dll"), "--data-dir", dataDir, "--urls", $"http://127.0.0.1:{httpPort}",
            "--Orleans:SiloPort", siloPort.ToString(), "--Orleans:GatewayPort", gatewayPort.ToString(),
            "--Cluster:Mode", "postgres", "--Cluster:ConnectionString", connectionString, "--Cluster:ClusterId", clusterId,
            "--Cluster:AdvertisedIP", "127.0.0.1",
            "--Logging:LogLevel:Orleans", "Information", // membership and provider lines, for a failed test's log (shipped: Warning)
        }.Concat(extraArgs))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["CLOUDMGMT_ADMIN_TOKEN"] = AdminToken;
        foreach (var (name, value) in setup.Environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var node = new ClusterNode(Process.Start(info)!, new Uri($"http://127.0.0.1:{httpPort}"), dataDir, siloPort);
        node._process.OutputDataReceived += (_, e) => node.Append(e.Data);
        node._process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        try
        {
            await node.WaitReadyAsync();
        }
        catch
        {
            await node.DisposeAsync(); // a node that never became ready must not outlive the test, holding its ports
            throw;
        }

        return node;
    }

    /// <summary>Starts <paramref name="count"/> nodes at once; if any fails, the others are stopped before the failure is thrown.</summary>
    public static async Task<List<ClusterNode>> StartManyAsync(int count, string connectionString, string clusterId, params string[] extraArgs)
    {
        var starts = Enumerable.Range(0, count).Select(_ => StartAsync(connectionString, clusterId, extraArgs)).ToList();
        try
        {
            return [.. await Task.WhenAll(starts)];
        }
        catch
        {
            foreach (var started in starts.Where(s => s.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }
    }

    public HttpClient Operator() => new(new SocketsHttpHandler { MaxConnectionsPerServer = 32 })
    {
        BaseAddress = BaseAddress,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", AdminToken) },
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>SIGKILL: no shutdown hooks, the silo does not leave the cluster; the others must find out.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as an orchestrator stops a pod: the host shuts down gracefully.</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
        await kill.WaitForExitAsync();
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder
        }
    }

    private async Task WaitReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the controller exited during start-up:\n{Log}");
            }

            try
            {
                using var response = await client.GetAsync("/readyz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200)); // polling a real process's readiness; no fake clock reaches it
        }

        throw new TimeoutException($"the controller was not ready within {StartTimeout}:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}

/// <summary>How a node starts, beyond its arguments.</summary>
/// <param name="Environment">Variables for the process on top of the admin token (a cloud's credentials, say).</param>
/// <param name="SharedSandboxDirectory">A folder the node's sandbox clouds keep their state files in, shared with the other nodes given it, so that they see one sandbox cloud as they would one real cloud.</param>
public sealed record NodeSetup(IReadOnlyDictionary<string, string>? Environment = null, string? SharedSandboxDirectory = null);
