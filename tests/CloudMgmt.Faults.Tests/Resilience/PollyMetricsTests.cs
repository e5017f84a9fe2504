using System.Net;
using System.Text.RegularExpressions;

namespace CloudMgmt.Faults.Tests.Resilience;

/// <summary>
/// The Polly series deploy/prometheus/METRICS.md documents for the monitoring team, as a controller
/// process exports them: by cloud (pipeline_name), retries and the breaker as events, attempts and
/// whole calls as histograms.
/// </summary>
public sealed partial class PollyMetricsTests : IDisposable
{
    private const string Cloud = "polly-metrics-flaky";
    private readonly TempDirectory _dir = new("cloudmgmt-faults-polly");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Metrics_CloudWhoseEveryCallFails_RetriesBreakerAndDurationsByCloud()
    {
        await using var controller = await ControllerProcess.StartAsync(_dir.Path,
            "--Sandbox:RegisterDefaults", "false", "--Reconcile:InventoryInterval", "01:00:00", "--Reconcile:GrantInterval", "01:00:00",
            "--Elastic:Enabled", "false", "--Resilience:RetryDelay", "00:00:00.001", "--Resilience:BreakerMinimumCalls", "2");
        using var op = controller.Operator();
        // The first scrape starts prometheus-net's listener on .NET's meters: what Polly records before it is not kept.
        await op.GetStringAsync("/metrics");
        await op.Post("/api/v1/clouds", new
        {
            id = Cloud, kind = "sandbox", region = "anhui", labels = new { securityLevel = "3" },
            settings = new Dictionary<string, string> { ["failureRate"] = "1" },
        }).Expect(HttpStatusCode.Created);

        for (var pass = 0; pass < 3; pass++)
        {
            await op.PostAsync($"/api/v1/clouds/{Cloud}/reconcile", null).Expect(HttpStatusCode.OK);
        }

        var lines = (await op.GetStringAsync("/metrics")).Split('\n').Where(l => l.Contains($"pipeline_name=\"{Cloud}\"", StringComparison.Ordinal)).ToList();
        var shown = string.Join('\n', lines.Take(40));
        Assert.True(Count(lines, "polly_resilience_polly_strategy_events", "event_name=\"OnRetry\"", "strategy_name=\"Retry\"") >= 3, shown);
        Assert.True(Count(lines, "polly_resilience_polly_strategy_events", "event_name=\"OnCircuitOpened\"", "strategy_name=\"CircuitBreaker\"") >= 1, shown);
        Assert.True(Count(lines, "polly_resilience_polly_strategy_events", "event_name=\"PipelineExecuting\"") >= 3, shown);
        Assert.True(Count(lines, "polly_resilience_polly_strategy_attempt_duration_count", "attempt_number=\"0\"", "attempt_handled=\"True\"") >= 1, shown);
        Assert.True(Count(lines, "polly_resilience_polly_pipeline_duration_count", "exception_type=\"Polly.CircuitBreaker.BrokenCircuitException\"") >= 1, shown);
    }

    /// <summary>The value of the one series of <paramref name="name"/> with all of <paramref name="labels"/>; 0 when there is none.</summary>
    private static double Count(List<string> lines, string name, params string[] labels)
    {
        var matching = lines.Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) && labels.All(x => l.Contains(x, StringComparison.Ordinal))).ToList();
        Assert.True(matching.Count <= 1, string.Join('\n', matching));
        return matching.Count == 0 ? 0 : double.Parse(Value().Match(matching[0]).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\}\s+(\S+)$")]
    private static partial Regex Value();
}
