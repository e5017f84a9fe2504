using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace CloudMgmt.Testing;

/// <summary>
/// The real controller as a separate process (the built cloudmgmt.dll), so that a test can kill it
/// with SIGKILL and start it again on the same data folder.
/// </summary>
public sealed class ControllerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ControllerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

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

    public static Task<ControllerProcess> StartAsync(string dataDir, params string[] extraArgs) =>
        StartAsync(dataDir, new Dictionary<string, string?>(), extraArgs);

    /// <param name="environment">Variables for the process on top of the admin token; a null value removes one (the admin token too).</param>
    public static async Task<ControllerProcess> StartAsync(string dataDir, IReadOnlyDictionary<string, string?> environment, params string[] extraArgs)
    {
        var port = FreePort.Next();
        var info = StartInfo(environment, new[]
        {
            "--data-dir", dataDir, "--urls", $"http://127.0.0.1:{port}",
            "--Orleans:SiloPort", FreePort.Next().ToString(), "--Orleans:GatewayPort", FreePort.Next().ToString(),
        }.Concat(extraArgs));
        var host = new ControllerProcess(Process.Start(info)!, new Uri($"http://127.0.0.1:{port}"));
        host._process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        try
        {
            await host.WaitReadyAsync();
        }
        catch
        {
            await host.DisposeAsync(); // a controller that never got ready is killed, not left running after the test
            throw;
        }

        return host;
    }

    /// <summary>
    /// Runs the controller to its end (a command such as --help, or a start that must be refused) and
    /// returns its exit code and everything it wrote; killed, and the test failed, after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(
        string dataDir, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] args)
    {
        var info = StartInfo(environment, new[] { "--data-dir", dataDir }.Concat(args));
        using var process = Process.Start(info)!;
        var output = new StringBuilder();
        void Append(string? line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the controller did not exit within {timeout}:\n{output}");
        }

        process.WaitForExit(); // until the output readers have seen the end
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <param name="environment">Variables on top of the admin token; a null value removes one (the admin token too).</param>
    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string?> environment, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cloudmgmt.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["CLOUDMGMT_ADMIN_TOKEN"] = EmbeddedController.AdminToken;
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        return info;
    }

    public HttpClient Operator() => new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
    {
        BaseAddress = BaseAddress,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", EmbeddedController.AdminToken) },
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>SIGKILL: no shutdown hooks, no flush; what was acknowledged must already be on disk.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit(); // until the output readers have seen the end: what it said on the way out is the point
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
                // one slow answer on a loaded machine (the 5 s per request): the start-up deadline decides, not this
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200)); // polling a real process's readiness; no fake clock reaches it
        }

        throw new TimeoutException($"the controller was not ready within {StartTimeout}:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
