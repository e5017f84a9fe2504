using System.Diagnostics;
using System.Net;
using CloudMgmt.Cluster.Tests.Infrastructure;

namespace CloudMgmt.Cluster.Tests.Cluster;

/// <summary>
/// Two controller processes on one database: the reconcile jobs fire once per interval for the
/// cluster (read from Quartz's own execution history in the shared job store), start-up work done
/// by both at once is done once, and a silo that
/// joins and is then stopped with SIGTERM leaves the cluster cleanly while the others keep serving.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class TwoSiloSchedulingTests(TwoSiloCluster cluster) : IClassFixture<TwoSiloCluster>
{
    private static readonly TimeSpan Interval = TwoSiloCluster.ReconcileInterval;

    [Fact]
    public async Task ReconcileJobs_NodesJoining_KeepTheClusterSchedule_UnlessTheirConfigurationChangesIt()
    {
        // Two nodes that start at the same moment may both fire a job within the first interval (each
        // declares the trigger before either has fired it), so the window opens two intervals after
        // start-up, and the node that joins does so inside it.
        var from = cluster.StartedAt + Interval * 2;
        if (from > DateTimeOffset.UtcNow)
        {
            await Task.Delay(from - DateTimeOffset.UtcNow);
        }

        var startBefore = await TriggerAsync("start_time", "qrtz_triggers", "grants-trigger");
        var intervalBefore = await TriggerAsync("repeat_interval", "qrtz_simple_triggers", "grants-trigger");

        // A node that joins declares the same triggers again: the stored ones carry on untouched.
        await using (await ClusterNode.StartAsync(cluster.Database.ConnectionString, TwoSiloCluster.ClusterId, cluster.Args))
        {
            Assert.Equal(startBefore, await TriggerAsync("start_time", "qrtz_triggers", "grants-trigger"));
            foreach (var job in new[] { "grants", "inventory" })
            {
                var fired = await WaitForFiringsAsync(job, from, count: 6);

                // Three schedulers run against the store, yet consecutive firings are an interval apart
                // (a second node firing the same interval would show as a gap near zero), and over the
                // window there are as many firings as intervals, not more.
                var described = string.Join("\n", fired.Select(f => $"{f.Time:HH:mm:ss.fff} {f.Instance} {f.Trigger}"));
                var gaps = fired.Zip(fired.Skip(1), (a, b) => b.Time - a.Time).ToList();
                Assert.True(gaps.All(gap => gap > Interval * 0.5 && gap < Interval * 2.5), $"{job} fired at:\n{described}");
                var window = fired[^1].Time - fired[0].Time;
                Assert.InRange(fired.Count - 1, (int)(window / Interval) - 1, (int)(window / Interval) + 1);
            }
        }

        Assert.True(await cluster.Database.ScalarAsync<long>("SELECT count(DISTINCT instance_name) FROM qrtz_scheduler_state") >= 2);

        // A node configured otherwise changes the cluster's schedule: another interval, a job turned off.
        // And a job stored under a class this version does not have (renamed in an upgrade) is stored again as this version's.
        var jobClass = await cluster.Database.ScalarAsync<string>("SELECT job_class_name FROM qrtz_job_details WHERE job_name = 'inventory'");
        await cluster.Database.ScalarAsync<int>("UPDATE qrtz_job_details SET job_class_name = 'CloudMgmt.Host.Clouds.RenamedInventoryJob, cloudmgmt' WHERE job_name = 'inventory' RETURNING 1");
        var changed = cluster.Args.Concat(["--Reconcile:GrantInterval", "00:00:03", "--Elastic:Enabled", "false"]).ToArray();
        await using (await ClusterNode.StartAsync(cluster.Database.ConnectionString, TwoSiloCluster.ClusterId, changed))
        {
            Assert.Equal(intervalBefore * 3 / 2, await TriggerAsync("repeat_interval", "qrtz_simple_triggers", "grants-trigger"));
            Assert.Equal(0, await cluster.Database.ScalarAsync<long>("SELECT count(*) FROM qrtz_triggers WHERE trigger_name = 'elastic-trigger'"));
            Assert.Equal(jobClass, await cluster.Database.ScalarAsync<string>("SELECT job_class_name FROM qrtz_job_details WHERE job_name = 'inventory'"));
            var firedAfter = DateTimeOffset.UtcNow;
            Assert.NotEmpty(await WaitForFiringsAsync("inventory", firedAfter, count: 1)); // and it runs again
        }
    }

    [Fact]
    public async Task Startup_TwoSilosAtOnce_RegisterTheSandboxCloudsOnceAndAcceptTheSameOperatorToken()
    {
        foreach (var node in cluster.Nodes)
        {
            using var client = node.Operator(); // the token both nodes were given; a rejected one would be a 401 here
            var clouds = (await client.GetAsync("/api/v1/clouds").Expect(HttpStatusCode.OK)).AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList();
            Assert.Equal(["province-x86", "xinchuang-arm"], clouds.Order());
        }
    }

    [Fact]
    public void Logs_TwoSilos_NeverShowTheDatabasePassword()
    {
        var password = new Npgsql.NpgsqlConnectionStringBuilder(cluster.Database.ConnectionString).Password!;
        foreach (var node in cluster.Nodes)
        {
            Assert.Contains("Npgsql", node.Log, StringComparison.Ordinal); // the providers did log their connection
            Assert.DoesNotContain("Password=" + password, node.Log, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Sigterm_ASiloThatJoined_LeavesTheClusterAndTheOthersKeepServing()
    {
        var drainDelay = TimeSpan.FromSeconds(2);
        await using var joining = await ClusterNode.StartAsync(cluster.Database.ConnectionString, TwoSiloCluster.ClusterId,
            [.. cluster.Args, "--Cluster:DrainDelay", "00:00:02"]);
        using (var viaJoined = joining.Operator())
        {
            await viaJoined.Post("/api/v1/pools", new { id = "joined", quota = new { vcpu = 10 } }).Expect(HttpStatusCode.Created);
        }

        // While it drains, the node still answers, and says it is not ready; then it goes.
        using var stopWatching = new CancellationTokenSource();
        var seenReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var readiness = WatchReadinessAsync(joining.BaseAddress, seenReady, stopWatching.Token);
        await seenReady.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var stopwatch = Stopwatch.StartNew();
        await joining.TerminateAsync(TimeSpan.FromSeconds(40));
        await stopWatching.CancelAsync();
        var seen = await readiness;

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"shutdown took {stopwatch.Elapsed}");
        Assert.True(stopwatch.Elapsed >= drainDelay, $"shutdown took {stopwatch.Elapsed}, less than the drain");
        var draining = seen.SkipWhile(r => r.Status == 200).ToList();
        Assert.True(seen[0].Status == 200 && draining.Count > 0 && draining.All(r => r.Status == 503 && r.Body.Contains("shutting down", StringComparison.Ordinal)),
            "readiness while stopping:\n" + string.Join("\n", seen.Select(r => $"{r.Status} {r.Body}").Distinct()));
        Assert.True(draining[^1].At - draining[0].At > drainDelay * 0.5, "503 for only " + (draining[^1].At - draining[0].At));
        // A graceful stop declares the silo Dead (6) by itself: the only "vote" on its row is its own
        // ("address:port@generation,time"), nobody had to suspect it and vote it out.
        var row = (await cluster.Database.RowsAsync(
            $"SELECT Status, SuspectTimes FROM OrleansMembershipTable WHERE DeploymentId = '{TwoSiloCluster.ClusterId}' AND Port = {joining.SiloPort}")).Single();
        Assert.Equal(6, (int)row[0]);
        var voters = row[1] is string votes ? votes.Split('|').Select(v => v.Split('@')[0]).Distinct().ToList() : [];
        Assert.All(voters, voter => Assert.Equal($"127.0.0.1:{joining.SiloPort}", voter));
        foreach (var node in cluster.Nodes)
        {
            using var client = node.Operator();
            var pool = await client.GetAsync("/api/v1/pools/joined").Expect(HttpStatusCode.OK);
            Assert.Equal(10, pool.Long("quota.vcpu"));
            await client.GetAsync("/readyz").Expect(HttpStatusCode.OK);
        }
    }

    private async Task<List<(DateTimeOffset Time, string Instance, string Trigger)>> WaitForFiringsAsync(string job, DateTimeOffset from, int count)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var rows = await cluster.Database.RowsAsync($"SELECT fired_time, instance_name, trigger_name FROM qrtz_execution_history WHERE job_name = '{job}' ORDER BY fired_time");
            var fired = rows.Select(r => (Time: FromStore((long)r[0]), Instance: (string)r[1], Trigger: (string)r[2])).Where(f => f.Time >= from).ToList();
            if (fired.Count >= count)
            {
                return fired;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(40), $"only {fired.Count} firings of {job} since {from:O}");
            await Task.Delay(TimeSpan.FromMilliseconds(500)); // the schedule runs in real processes on real time
        }
    }

    /// <summary>Polls /readyz every 20 ms until cancelled or the node stops answering; <paramref name="seenReady"/> completes at the first 200.</summary>
    private static async Task<List<(int Status, string Body, DateTimeOffset At)>> WatchReadinessAsync(Uri node, TaskCompletionSource seenReady, CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromSeconds(2) };
        var seen = new List<(int, string, DateTimeOffset)>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await client.GetAsync("/readyz", stop);
                seen.Add(((int)response.StatusCode, await response.Content.ReadAsStringAsync(stop), DateTimeOffset.UtcNow));
                if (response.IsSuccessStatusCode)
                {
                    seenReady.TrySetResult();
                }

                await Task.Delay(20, stop); // polling a real process as it stops
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (HttpRequestException)
            {
                break; // the node no longer answers
            }
        }

        return seen;
    }

    private async Task<long> TriggerAsync(string column, string table, string trigger) =>
        await cluster.Database.ScalarAsync<long>($"SELECT {column} FROM {table} WHERE trigger_name = '{trigger}'");

    /// <summary>Quartz.NET keeps times as UTC ticks in BIGINT columns.</summary>
    private static DateTimeOffset FromStore(long ticks) => new(ticks, TimeSpan.Zero);
}
