using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CloudMgmt.Bench.Load;

/// <summary>
/// Rounds driven by wrk (Debian's package; <c>apt-get install wrk</c>): one generator thread in C,
/// so that the 2 cores go to the controller rather than to an HttpClient in this process. As in the
/// dotnet generator, every request is a new allocation (or a read, with --target), its tenant or
/// pool cycling over the leaves.
/// A request that is not answered 2xx, and any socket error, counts as failed.
/// </summary>
internal static class WrkRounds
{
    public static async Task<IReadOnlyList<Round>> RunAsync(LoadOptions options, Uri server, string token, IReadOnlyList<string> leaves, ProcessCpu controller)
    {
        var script = Path.Combine(Path.GetTempPath(), $"cloudmgmt-wrk-{Environment.ProcessId}.lua");
        await File.WriteAllTextAsync(script, Script(token, leaves, options.Target));
        try
        {
            return await Report.WarmUpThenMeasureAsync(options.Rounds, _ => controller.MeasureAsync(() => OneAsync(options, server, script)));
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static async Task<Round> OneAsync(LoadOptions options, Uri server, string script)
    {
        var info = new ProcessStartInfo("wrk") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-t1", $"-c{options.Concurrency}", $"-d{options.Seconds}s", "--timeout", "10s", "-s", script,
            server.ToString() })
        {
            info.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("wrk is not installed: apt-get install wrk (or use --generator dotnet)", ex);
        }

        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"wrk printed no result (exit {process.ExitCode}):\n{output}\n{errors}");
            var f = line.Split(' ').Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            // requests, duration µs, failed, p50 µs, p90 µs, p99 µs
            return new Round((int)f[0], (int)f[2], TimeSpan.FromMicroseconds(f[1]), f[3] / 1000, f[4] / 1000, f[5] / 1000);
        }
    }

    /// <summary>Pre-formats one request per leaf at start, so that wrk's Lua does nothing per request but pick one.</summary>
    private static string Script(string token, IReadOnlyList<string> leaves, HttpTarget target)
    {
        // Each leaf's request as Lua values: method, path, headers, body (nil for a GET). /healthz
        // goes without a key, so that it measures Kestrel and routing alone.
        string Lua(string text) => "[[" + text + "]]";
        var specs = leaves.Select(leaf => target switch
        {
            HttpTarget.Healthz => $"{{ \"GET\", {Lua("/healthz")}, {{}}, nil }}",
            HttpTarget.Pool => $"{{ \"GET\", {Lua("/api/v1/pools/" + leaf)}, auth, nil }}",
            _ => $"{{ \"POST\", {Lua("/api/v1/allocations")}, json, " +
                 $"{Lua($"{{\"tenant\":\"{BenchTree.TenantOf(leaf)}\",\"resources\":{{\"vcpu\":1,\"memoryGiB\":2}}}}")} }}",
        });
        var lua = new StringBuilder();
        lua.AppendLine($"local auth = {{ [\"Authorization\"] = \"Bearer {token}\" }}");
        lua.AppendLine($"local json = {{ [\"Authorization\"] = \"Bearer {token}\", [\"Content-Type\"] = \"application/json\" }}");
        lua.AppendLine("local specs = {" + string.Join(",\n", specs) + "}");
        lua.AppendLine("""
            local requests = {}
            local cursor = 0
            init = function(args)
              for i, spec in ipairs(specs) do
                requests[i] = wrk.format(spec[1], spec[2], spec[3], spec[4])
              end
            end
            request = function()
              cursor = cursor % #requests + 1
              return requests[cursor]
            end
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("RESULT %d %d %d %d %d %d\n", summary.requests, summary.duration,
                e.status + e.connect + e.read + e.write + e.timeout,
                latency:percentile(50), latency:percentile(90), latency:percentile(99)))
            end
            """);
        return lua.ToString();
    }
}
