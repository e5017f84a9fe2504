using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CloudMgmt.Api.Tests.Infrastructure;

namespace CloudMgmt.Api.Tests.Monitoring;

/// <summary>
/// A real Prometheus (Debian's package, on loopback) scrapes a running controller with the shipped
/// rules loaded, sending a metrics key's token as the README says; its query API returns the usage
/// efficiency the controller computed.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class PrometheusScrapeTests
{
    [Fact]
    public async Task Prometheus_ScrapingTheController_QueriesTheEfficiencyTheControllerComputed()
    {
        var prometheusBinary = InstallPrometheus();
        using var data = new TempDirectory("cloudmgmt-prom");
        await using var controller = await ControllerProcess.StartAsync(Path.Combine(data.Path, "controller"),
            "--Reconcile:GrantInterval", "00:00:01", "--Reconcile:InventoryInterval", "00:00:01", "--Metrics:RefreshEvery", "00:00:00");
        using var op = controller.Operator();
        await ApiCalls.SeedAsync(op);
        var allocation = await op.Post("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 8, memoryGiB = 16 }, constraints = new { architecture = "x86_64" } })
            .Expect(HttpStatusCode.Created);
        await WaitForAsync(async () => (await op.GetAsync($"/api/v1/allocations/{allocation.Str("id")}").Expect(HttpStatusCode.OK)).Str("status") == "Ready");

        var token = (await op.Post("/api/v1/keys", new { role = "metrics", name = "prometheus" }).Expect(HttpStatusCode.Created)).Str("token");
        var tokenFile = Path.Combine(data.Path, "metrics-token");
        await File.WriteAllTextAsync(tokenFile, token);

        var port = FreePort.Next();
        using var prometheus = StartPrometheus(prometheusBinary, data.Path, controller.BaseAddress, port, tokenFile);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        const string query = "tenant_resource:cloudmgmt_usage_efficiency:ratio{tenant=\"health\",resource=\"vcpu\"}";
        double? fromPrometheus = null;
        await WaitForAsync(async () => (fromPrometheus = await QueryAsync(http, query)) is not null, TimeSpan.FromSeconds(90));
        using var scraper = new HttpClient { DefaultRequestHeaders = { Authorization = new("Bearer", token) } };
        var scrape = new Scrape(await scraper.GetStringAsync(new Uri(controller.BaseAddress, "/metrics")));

        var computed = scrape.Value("cloudmgmt_tenant_usage_efficiency_ratio", ("tenant", "health"), ("cloud", "province-x86"), ("resource", "vcpu"));
        var used = scrape.Value("cloudmgmt_tenant_used", ("tenant", "health"), ("cloud", "province-x86"), ("resource", "vcpu"));
        Assert.NotNull(computed);
        Assert.Equal(used / 8, computed);
        Assert.True(computed > 0, "the sandbox's steady profile uses part of the grant");
        Assert.Equal(computed!.Value, fromPrometheus!.Value, 6);
    }

    /// <summary>The query's single value, or null while Prometheus is starting or has not scraped and evaluated yet.</summary>
    private static async Task<double?> QueryAsync(HttpClient http, string query)
    {
        string text;
        try
        {
            text = await http.GetStringAsync("/api/v1/query?query=" + Uri.EscapeDataString(query));
        }
        catch (HttpRequestException)
        {
            return null;
        }
        var answer = JsonNode.Parse(text)!;
        var result = answer["data"]?["result"]?.AsArray();
        return result is { Count: 1 } ? double.Parse(result[0]!["value"]![1]!.GetValue<string>(), CultureInfo.InvariantCulture) : null;
    }

    private static KillOnDispose StartPrometheus(string binary, string dir, Uri target, int port, string tokenFile)
    {
        var rules = Path.Combine(RepoRoot(), "deploy", "prometheus", "cloudmgmt-rules.yaml");
        var config = Path.Combine(dir, "prometheus.yml");
        File.WriteAllText(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files:
              - {rules}
            scrape_configs:
              - job_name: cloudmgmt
                authorization:
                  type: Bearer
                  credentials_file: {tokenFile}
                static_configs:
                  - targets: ["{target.Authority}"]
            """);
        var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--config.file=" + config, "--storage.tsdb.path=" + Path.Combine(dir, "tsdb"), $"--web.listen-address=127.0.0.1:{port}" })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new KillOnDispose(process);
    }

    /// <summary>Debian's prometheus package, through the project's own set-up script.</summary>
    private static string InstallPrometheus()
    {
        var script = Path.Combine(RepoRoot(), "tests", "setup", "install-promtool.sh");
        using var install = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stderr = install.StandardError.ReadToEndAsync();
        install.StandardOutput.ReadToEnd();
        install.WaitForExit();
        Assert.True(install.ExitCode == 0, stderr.Result);
        Assert.True(File.Exists("/usr/bin/prometheus"), "the prometheus package brings /usr/bin/prometheus");
        return "/usr/bin/prometheus";
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(250);
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CloudMgmt.sln")))
            dir = dir.Parent;
        return dir!.FullName;
    }

    private sealed class KillOnDispose(Process process) : IDisposable
    {
        public void Dispose()
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
            process.Dispose();
        }
    }
}
