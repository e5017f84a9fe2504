using System.Net;
using System.Text.Json;
using CloudMgmt.Grains.Tests.Infrastructure;
using CloudMgmt.Security.Tests.Infrastructure;

namespace CloudMgmt.Security.Tests.Hosting;

/// <summary>
/// What a real controller process writes to its log: no query string, even with every request
/// logger an operator can raise turned up, and, at the shipped levels, nothing per request or per
/// placement; the JSON console format gives one JSON object per line.
/// </summary>
public sealed class LoggingTests : IDisposable
{
    private readonly TempDirectory _data = new("cloudmgmt-security-logging");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task QueryStringTokens_NeverReachTheLog_WithRequestLoggingRaised()
    {
        await using var controller = await ControllerProcess.StartAsync(_data.Path,
            "--Sandbox:RegisterDefaults", "false", "--Elastic:Enabled", "false",
            "--Logging:LogLevel:Microsoft.AspNetCore", "Trace", "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Trace",
            "--Logging:LogLevel:Microsoft.AspNetCore.HttpLogging", "Information");
        var secrets = new SecretSet();
        using var op = controller.Operator();
        using var anonymous = new HttpClient { BaseAddress = controller.BaseAddress };

        await op.GetAsync($"/api/v1/pools?token={secrets.Add("qs-token-" + Guid.NewGuid())}").Expect(HttpStatusCode.OK);
        await op.GetAsync($"/api/v1/pools?limit=1&access_token={secrets.Add("qs-access-" + Guid.NewGuid())}").Expect(HttpStatusCode.OK);
        using (await anonymous.GetAsync($"/api/v1/pools?access_token={secrets.Add("qs-refused-" + Guid.NewGuid())}"))
        using (await anonymous.GetAsync($"/no-such-page?token={secrets.Add("qs-missing-" + Guid.NewGuid())}"))
        {
        }

        var log = await Eventually.WaitUntilAsync(() => Task.FromResult(controller.Log), l => l.Contains("/no-such-page", StringComparison.Ordinal));
        Assert.Contains("/no-such-page", log, StringComparison.Ordinal); // the requests are logged (the access log), so absence means redaction
        Assert.Contains("/api/v1/pools", log, StringComparison.Ordinal);
        secrets.AssertAbsent(log, "the controller's log");
        Assert.DoesNotContain("token=", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShippedLevels_LogNothingPerRequestOrPlacement_AsJsonWhenAsked()
    {
        await using var controller = await ControllerProcess.StartAsync(_data.Path, "--Elastic:Enabled", "false", "--Logging:Console:FormatterName", "json");
        using var op = controller.Operator();
        await op.PostAsync("/api/v1/reconcile", null).Expect(HttpStatusCode.OK); // the sandbox clouds inventoried: placements can succeed
        var before = Lines(controller.Log).Count;
        foreach (var (url, body) in SeededState.Requests())
        {
            await op.Post(url, body).Expect(HttpStatusCode.Created);
        }

        for (var i = 0; i < 20; i++)
        {
            await op.GetAsync("/api/v1/pools/tree").Expect(HttpStatusCode.OK);
        }

        await Task.Delay(TimeSpan.FromSeconds(1)); // the console logger writes on its own thread; a second is plenty for lines that would exist
        var lines = Lines(controller.Log);
        var added = lines.Skip(before).Where(l => !l.Contains("\"LogLevel\":\"Warning\"", StringComparison.Ordinal)).ToList(); // a slow turn on a loaded machine is a warning worth having
        Assert.True(added.Count == 0, $"{added.Count} lines below Warning for 9 writes, 2 placements and 20 reads:\n{string.Join('\n', added.Take(20))}");
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line); // every line is one JSON object
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
            var category = entry.RootElement.GetProperty("Category").GetString()!;
            var level = entry.RootElement.GetProperty("LogLevel").GetString();
            Assert.False(level is "Information" or "Debug" && (category.StartsWith("Polly", StringComparison.Ordinal)
                || category.StartsWith("Orleans", StringComparison.Ordinal) || category.StartsWith("Quartz", StringComparison.Ordinal)
                || (category.StartsWith("Microsoft", StringComparison.Ordinal) && category != "Microsoft.Hosting.Lifetime")), line);
        }
    }

    private static List<string> Lines(string log) => log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
