using System.Diagnostics;
using System.Text;
using CloudMgmt.Adapters.OpenStack.Tests.Infrastructure;

namespace CloudMgmt.Faults.Tests.Resilience;

/// <summary>
/// A Keystone of the test's own in front of the shared OpenStack peer: Debian's keystone (the same
/// WSGI application the peer runs under uwsgi) on a free port, on the peer's database and Fernet keys,
/// so that its tokens are the peer's tokens and Nova and Placement take them. It differs from the
/// peer's Keystone in one way: it writes a CADF <c>identity.authenticate</c> notification of every
/// authentication to its own log (oslo.messaging's log driver), so that a test counts the tokens
/// Keystone issued from Keystone's side. Only the test knows its port, so every event is the test's.
/// The peer's own Keystone, configuration and services are left as they are.
/// </summary>
public sealed class AuditedKeystone : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly TempDirectory _dir = new("cloudmgmt-audited-keystone");
    private readonly StringBuilder _output = new();
    private Process? _process;

    public string AuthUrl { get; private set; } = "";

    private string LogFile => Path.Combine(_dir.Path, "keystone.log");

    public static async Task<AuditedKeystone> StartAsync(OpenStackPeer peer)
    {
        var keystone = new AuditedKeystone();
        try
        {
            await keystone.StartAsync(Path.Combine(peer.StateDir, "etc", "keystone", "keystone.conf"));
            return keystone;
        }
        catch
        {
            await keystone.DisposeAsync();
            throw;
        }
    }

    /// <summary>The successful authentications Keystone has logged, one CADF event each.</summary>
    public async Task<IReadOnlyList<string>> AuthenticationsAsync()
    {
        await using var log = new FileStream(LogFile, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(log);
        var lines = (await reader.ReadToEndAsync()).Split('\n');
        return [.. lines.Where(l => l.Contains("oslo.messaging.notification.identity.authenticate", StringComparison.Ordinal)
            && l.Contains("\"outcome\": \"success\"", StringComparison.Ordinal))];
    }

    private async Task StartAsync(string peerConfig)
    {
        Directory.CreateDirectory(_dir.Path);
        // The peer's settings (database, Fernet keys, password hashing), plus the notifications. Keystone
        // opts out of authentication events by default; only 'pending' (a multi-factor step) stays out.
        var config = (await File.ReadAllTextAsync(peerConfig)).Replace("[DEFAULT]\n", $"""
            [DEFAULT]
            log_dir = {_dir.Path}
            log_file = keystone.log
            notification_format = cadf
            notification_opt_out = identity.authenticate.pending

            """, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "keystone.conf"), config + "\n[oslo_messaging_notifications]\ndriver = log\n");

        var port = FreePort.Next();
        var info = new ProcessStartInfo("/usr/bin/uwsgi-core") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "--plugin", "python3", "--http-socket", $"127.0.0.1:{port}", "--wsgi-file", "/usr/bin/keystone-wsgi-public",
            "--master", "--processes", "1", "--threads", "1", "--die-on-term", "--need-app", "--lazy-apps", "--buffer-size", "65535",
            "--disable-logging", "--add-header", "Connection: close", "--env", $"OS_KEYSTONE_CONFIG_DIR={_dir.Path}",
        })
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        AuthUrl = $"http://127.0.0.1:{port}/v3";
        await WaitReadyAsync();
    }

    private async Task WaitReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"keystone exited during start-up:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(AuthUrl);
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
                // loading the application
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250)); // polling a real process's readiness; no fake clock reaches it
        }

        throw new TimeoutException($"keystone was not ready within {StartTimeout}:\n{Output}");
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _dir.Dispose();
    }
}
