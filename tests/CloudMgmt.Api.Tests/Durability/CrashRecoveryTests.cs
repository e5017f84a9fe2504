using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CloudMgmt.Api.Tests.Infrastructure;

namespace CloudMgmt.Api.Tests.Durability;

/// <summary>Kills the controller with SIGKILL in the middle of a burst of requests and starts it again on the same data.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const int Capacity = 150;
    private readonly TempDirectory _data = new("cloudmgmt-crash");

    // Short confirmation times, so the restarted pools check unconfirmed reservations within the test.
    private static readonly string[] FastSweep =
        ["--Reservations:SweepInterval", "00:00:01", "--Reservations:ConfirmAfter", "00:00:01", "--Sandbox:RegisterDefaults", "false"];

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Kill_MidBurst_RestartKeepsEveryAcceptedAllocationAndLeaksNoReservation()
    {
        var accepted = new ConcurrentBag<string>();
        await using (var first = await ControllerProcess.StartAsync(_data.Path, FastSweep))
        {
            using var op = first.Operator();
            await SeedAsync(op);
            using var burst = new CancellationTokenSource();
            var requests = Enumerable.Range(0, 400).Select(_ => RequestAsync(op, accepted, burst.Token)).ToList();

            // Kill once a good share has been acknowledged, while the rest are still in flight.
            var watch = Stopwatch.StartNew();
            while (accepted.Count < 60 && watch.Elapsed < TimeSpan.FromSeconds(60) && requests.Any(r => !r.IsCompleted))
            {
                await Task.WhenAny(Task.WhenAny(requests), Task.Delay(TimeSpan.FromMilliseconds(5)));
            }

            await first.KillAsync();
            await Task.WhenAll(requests);
        }

        Assert.True(accepted.Count >= 60, $"only {accepted.Count} requests were accepted before the kill");

        await using var second = await ControllerProcess.StartAsync(_data.Path, FastSweep);
        using var after = second.Operator();
        foreach (var id in accepted)
        {
            var allocation = await after.GetAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK);
            Assert.Equal("Admitted", allocation.Str("status"));
        }

        // Requests cut off by the kill may have left reservations in some pools of their path; the
        // pools confirm them with their allocations and drop the ones nobody holds.
        var (reserved, admitted) = await WaitForConsistencyAsync(after);
        Assert.Equal(admitted, reserved);
        Assert.True(reserved <= Capacity, $"reserved {reserved} exceeds the capacity {Capacity}");
        Assert.True(admitted >= accepted.Count);
    }

    [Fact]
    public async Task Kill_BetweenApplyOnCloudAndRecordAsReady_RestartAdoptsTheGrantWithoutADuplicate()
    {
        var cloudFile = Path.Combine(_data.Path, "sandbox", "sandbox.json"); // a sandbox's state file lives in the controller's sandbox folder
        string[] args = [.. FastSweep, "--Reconcile:InventoryInterval", "01:00:00", "--Reconcile:GrantInterval", "01:00:00"];
        string id;
        await using (var first = await ControllerProcess.StartAsync(_data.Path, args))
        {
            using var op = first.Operator();
            await SeedAsync(op);
            // The sandbox keeps its objects in a file (it outlives the controller, as a cloud does) and
            // holds every apply for a minute after making the grant: the window in which we kill.
            await op.Post("/api/v1/clouds", new
            {
                id = "slow-cloud", kind = "sandbox", region = "anhui", labels = new { securityLevel = "3", architecture = "x86_64" },
                settings = new Dictionary<string, string> { ["stateFile"] = "sandbox.json", ["applyDelayMs"] = "60000" },
            }).Expect(HttpStatusCode.Created);
            await op.PostAsync("/api/v1/clouds/slow-cloud/reconcile", null).Expect(HttpStatusCode.OK);
            var placed = await op.Post("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 4 } }).Expect(HttpStatusCode.Created);
            id = placed.Str("id");
            Assert.Equal("Placed", placed.Str("status"));

            var reconcile = op.PostAsync("/api/v1/clouds/slow-cloud/reconcile", null);
            var watch = Stopwatch.StartNew();
            while (!(File.Exists(cloudFile) && (await File.ReadAllTextAsync(cloudFile)).Contains(id, StringComparison.Ordinal))
                && watch.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50)); // waiting for the sandbox (a file) to show the grant
            }

            // The grant exists on the cloud; the allocation has not recorded it (it is still being provisioned).
            Assert.Equal("Provisioning", (await op.GetAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK)).Str("status"));
            await first.KillAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => reconcile);
        }

        await using var second = await ControllerProcess.StartAsync(_data.Path, args);
        using var after = second.Operator();
        await after.PostAsync("/api/v1/clouds/slow-cloud/reconcile", null).Expect(HttpStatusCode.OK);

        var adopted = await after.GetAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK);
        Assert.Equal("Ready", adopted.Str("status"));
        var objects = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(cloudFile))!.AsArray();
        Assert.Single(objects, o => o!["AllocationId"]!.GetValue<string>() == id);
    }

    private static async Task SeedAsync(HttpClient op)
    {
        await op.Post("/api/v1/pools", new { id = "province", quota = new { vcpu = 0 } }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/pools", new { id = "city", parent = "province", quota = new { vcpu = 0 } }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/pools", new { id = "dept", parent = "city", quota = new { vcpu = Capacity } }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/tenants", new { id = "health", pool = "dept" }).Expect(HttpStatusCode.Created);
    }

    private static async Task RequestAsync(HttpClient op, ConcurrentBag<string> accepted, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await op.PostAsJsonAsync("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 1 } }, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                accepted.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.Str("id"));
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            // cut off by the kill: neither accepted nor refused
        }
    }

    /// <summary>Waits (bounded) until every pool on the path holds exactly what the admitted allocations add up to.</summary>
    private static async Task<(long Reserved, long Admitted)> WaitForConsistencyAsync(HttpClient op)
    {
        var watch = Stopwatch.StartNew();
        (long Reserved, long Admitted) last = default;
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            var admitted = (await op.GetAsync("/api/v1/allocations?status=Admitted&limit=500").Expect(HttpStatusCode.OK))["items"]!
                .AsArray().Sum(a => a!.Long("resources.vcpu"));
            var pools = await Task.WhenAll(new[] { "dept", "city", "province" }.Select(p => op.GetAsync($"/api/v1/pools/{p}").Expect(HttpStatusCode.OK)));
            var reserved = pools.Select(p => p.Long("reserved.vcpu")).ToList();
            last = (reserved.Max(), admitted);
            if (reserved.All(r => r == admitted))
            {
                return last;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250)); // the sweep runs on the controller's own clock
        }

        return last;
    }
}
