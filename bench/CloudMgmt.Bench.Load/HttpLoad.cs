using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace CloudMgmt.Bench.Load;

/// <summary>POST /api/v1/allocations against the real controller, started as a child process on loopback.</summary>
internal static class HttpLoad
{
    private const string Token = "bench-operator-token-0123456789abcdef";

    public static async Task<IReadOnlyList<Round>> RunAsync(LoadOptions options)
    {
        var dll = options.Controller ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory,
            "../../../../../controller/CloudMgmt.Host/bin/Release/net10.0/cloudmgmt.dll"));
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"build the controller first (dotnet build -c Release controller/CloudMgmt.Host) or pass --controller", dll);
        }

        var folder = Directory.CreateTempSubdirectory("cloudmgmt-load-http");
        var port = BenchSilo.FreePort();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--data-dir", folder.FullName, "--urls", $"http://127.0.0.1:{port}",
            "--Orleans:SiloPort", BenchSilo.FreePort().ToString(), "--Orleans:GatewayPort", BenchSilo.FreePort().ToString(), "--Logging:LogLevel:Default", "Warning",
            "--Sandbox:RegisterDefaults", options.WithSandbox ? "true" : "false",
            // The operator key's bucket above what the bench sends: it measures what the limiter costs, not its limit.
            "--RateLimits:Operator:Burst", "1000000", "--RateLimits:Operator:PerSecond", "1000000" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["CLOUDMGMT_ADMIN_TOKEN"] = Token;
        using var controller = Process.Start(info)!;
        controller.OutputDataReceived += (_, _) => { };
        controller.ErrorDataReceived += (_, _) => { };
        controller.BeginOutputReadLine();
        controller.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, EnableMultipleHttp2Connections = true })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
                Timeout = TimeSpan.FromSeconds(60),
            };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            using var keyless = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency }) { BaseAddress = client.BaseAddress };
            await WaitReadyAsync(client);
            var leaves = await SeedAsync(client, options.Guaranteed);
            var cpu = new ProcessCpu(controller.Id);
            if (options.Generator == "wrk")
            {
                return await WrkRounds.RunAsync(options, client.BaseAddress, Token, leaves, cpu);
            }

            return await Report.WarmUpThenMeasureAsync(options.Rounds, _ => cpu.MeasureAsync(() => Report.DriveAsync(options.Requests, options.Concurrency, async i =>
            {
                var leaf = leaves[i % leaves.Count];
                using var response = options.Target switch
                {
                    HttpTarget.Healthz => await keyless.GetAsync("/healthz"), // Kestrel and routing alone, as wrk sends it
                    HttpTarget.Pool => await client.GetAsync($"/api/v1/pools/{leaf}"),
                    _ => await client.PostAsJsonAsync("/api/v1/allocations",
                        new { tenant = BenchTree.TenantOf(leaf), resources = new { vcpu = 1, memoryGiB = 2 } }),
                };
                return response.StatusCode == (options.Target == HttpTarget.Allocations ? HttpStatusCode.Created : HttpStatusCode.OK);
            })));
        }
        finally
        {
            controller.Kill(entireProcessTree: true);
            await controller.WaitForExitAsync();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<IReadOnlyList<string>> SeedAsync(HttpClient client, bool guaranteed)
    {
        foreach (var pool in BenchTree.Pools(guaranteed))
        {
            var response = await client.PostAsJsonAsync("/api/v1/pools", new
            {
                id = pool.Id, parent = pool.Parent, quota = pool.Quota.ToDictionary(), lendingLimit = pool.Lending,
            });
            response.EnsureSuccessStatusCode();
        }

        var leaves = BenchTree.Leaves(guaranteed);
        foreach (var leaf in leaves)
        {
            (await client.PostAsJsonAsync("/api/v1/tenants", new { id = BenchTree.TenantOf(leaf), pool = leaf })).EnsureSuccessStatusCode();
        }

        return leaves;
    }

    private static async Task WaitReadyAsync(HttpClient client)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if ((await client.GetAsync("/readyz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException("the controller did not become ready within 60 s");
    }

}
