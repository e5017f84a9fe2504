using System.Diagnostics;
using System.Text;

namespace CloudMgmt.Cli.Tests.Infrastructure;

/// <summary>What one cmctl run printed and how it ended.</summary>
public sealed record CmctlResult(int ExitCode, string Out, string Err)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}--- stderr\n{Err}";
}

/// <summary>
/// Runs the built cmctl (cmctl.dll beside the tests) as a process, as an operator would: its own HOME (so
/// its own config file), a fixed terminal width for stable tables, and only the environment given here.
/// </summary>
public sealed class Cmctl : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _home = new("cmctl-home");

    public Cmctl()
    {
        Directory.CreateDirectory(_home.Path);
        Environment["HOME"] = _home.Path;
        Environment["COLUMNS"] = "100";
        Environment["LANG"] = "C.UTF-8";
    }

    /// <summary>cmctl's folder: the apphost "cmctl" there is what the completion scripts call.</summary>
    public static string Folder => AppContext.BaseDirectory;

    public string Home => _home.Path;

    /// <summary>The environment cmctl runs with (PATH and DOTNET_ROOT come from the test run).</summary>
    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Points cmctl at a server with CMCTL_SERVER / CMCTL_TOKEN, as a script would.</summary>
    public Cmctl WithServer(Uri server, string token)
    {
        Environment["CMCTL_SERVER"] = server.ToString();
        Environment["CMCTL_TOKEN"] = token;
        return this;
    }

    /// <summary>A terminal 200 columns wide: room for every column uncut.</summary>
    public Cmctl Wide()
    {
        Environment["COLUMNS"] = "200";
        return this;
    }

    public Task<CmctlResult> RunAsync(params string[] args) =>
        ProcessAsync("dotnet", [Path.Combine(Folder, "cmctl.dll"), .. args]);

    /// <summary>Runs any program with cmctl's environment and cmctl's folder first on PATH (for shells and script(1)).</summary>
    public async Task<CmctlResult> ProcessAsync(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("CMCTL_", StringComparison.Ordinal) || k is "NO_COLOR" or "XDG_CONFIG_HOME").ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["PATH"] = Folder + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH");
        foreach (var (name, value) in Environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {Timeout}");
        }

        return new CmctlResult(process.ExitCode, await stdout, await stderr);
    }

    public void Dispose() => _home.Dispose();
}
