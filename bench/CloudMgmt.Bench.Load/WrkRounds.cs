using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CloudMgmt.Bench.Load;

/// <summary>
/// Rounds driven by wrk (Debian's package; <c>apt-get install wrk</c>): one generator thread in C,
/// so that the 2 cores go to the controller rather than to an HttpClient in this process. Every
/// request is a new allocation, its tenant cycling over the leaves, as in the dotnet generator.
/// A request that is not answered 2xx, and any socket error, counts as failed.
/// </summary>
internal static class WrkRounds
{
    public static async Task<IReadOnlyList<Round>> RunAsync(LoadOptions options, Uri server, string token, IReadOnlyList<string> tenants)
    {
        var script = Path.Combine(Path.GetTempPath(), $"cloudmgmt-wrk-{Environment.ProcessId}.lua");
        await File.WriteAllTextAsync(script, Script(token, tenants));
        try
        {
            return await Report.WarmUpThenMeasureAsync(options.Rounds, async _ => (await OneAsync(options, server, script), null));
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
            new Uri(server, "/api/v1/allocations").ToString() })
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

    /// <summary>Pre-formats one request per tenant at start, so that wrk's Lua does nothing per request but pick one.</summary>
    private static string Script(string token, IReadOnlyList<string> tenants)
    {
        var lua = new StringBuilder();
        lua.AppendLine("local tenants = {" + string.Join(",", tenants.Select(t => $"\"{t}\"")) + "}");
        lua.AppendLine($$$"""
            local requests = {}
            local cursor = 0
            init = function(args)
              for i, t in ipairs(tenants) do
                requests[i] = wrk.format("POST", nil,
                  { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer {{{token}}}" },
                  '{"tenant":"' .. t .. '","resources":{"vcpu":1,"memoryGiB":2}}')
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
