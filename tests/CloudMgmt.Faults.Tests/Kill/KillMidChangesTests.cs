using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CloudMgmt.Faults.Tests.Kill;

/// <summary>
/// The operator's bad day of issue 22, as a seeded test: Ready allocations on a sandbox cloud that
/// keeps its grants in a file (it outlives the controller, as a cloud does), clients growing,
/// shrinking and releasing them, <c>kill -9</c> of the controller process at a seeded moment, a
/// restart on the same data, and reconcile passes. Then the pools and the cloud must agree with the
/// allocations, and none may be left in a transitional state. FAULTS_KILL_ROUNDS sets the rounds
/// (default 2; the soak runs more).
/// </summary>
public sealed class KillMidChangesTests : IDisposable
{
    private const int Allocations = 16;
    private readonly TempDirectory _dir = new("cloudmgmt-faults-kill");

    private static readonly string[] Args =
    [
        "--Sandbox:RegisterDefaults", "false", "--Reconcile:InventoryInterval", "01:00:00", "--Reconcile:GrantInterval", "01:00:00",
        "--Reservations:SweepInterval", "00:00:01", "--Reservations:ConfirmAfter", "00:00:01", "--Elastic:Enabled", "false",
    ];

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Kill9_MidResizesAndReleases_PoolsAndCloudAgreeWithEveryAllocationAfterRestart()
    {
        var rounds = int.Parse(Environment.GetEnvironmentVariable("FAULTS_KILL_ROUNDS") ?? "2", System.Globalization.CultureInfo.InvariantCulture);
        for (var round = 1; round <= rounds; round++)
        {
            await RoundAsync(round);
        }
    }

    private async Task RoundAsync(int seed)
    {
        var data = Path.Combine(_dir.Path, $"round-{seed}");
        var cloudFile = Path.Combine(data, "sandbox", "kill-cloud.json"); // a sandbox's stateFile is a name in <data-dir>/sandbox
        var random = new Random(seed);
        List<string> ids;
        await using (var first = await ControllerProcess.StartAsync(data, Args))
        {
            using var op = first.Operator();
            ids = await SeedAsync(op, cloudFile);
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, 8).Select(c => ChurnAsync(op, ids, new Random(seed * 100 + c), stop.Token)).ToList();
            await Task.Delay(TimeSpan.FromMilliseconds(300 + random.Next(1500))); // the seeded moment of the kill, in real time
            await first.KillAsync();
            stop.Cancel();
            await Task.WhenAll(clients);
        }

        await using var second = await ControllerProcess.StartAsync(data, Args);
        using var after = second.Operator();
        var problems = await SettleAndCheckAsync(after, ids, cloudFile);
        Assert.True(problems.Count == 0, $"round {seed} (FAULTS_KILL_ROUNDS={seed} runs rounds 1 to {seed}; the kill's moment is seeded, the work in flight then is not):\n" + string.Join("\n", problems));
    }

    private static async Task<List<string>> SeedAsync(HttpClient op, string cloudFile)
    {
        await op.Post("/api/v1/pools", new { id = "province", quota = new { vcpu = 0, memoryGiB = 0 } }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/pools", new { id = "dept", parent = "province", quota = new { vcpu = 400, memoryGiB = 1600 } }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/tenants", new { id = "health", pool = "dept" }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/clouds", new
        {
            id = "kill-cloud", kind = "sandbox", region = "anhui", labels = new { securityLevel = "3", architecture = "x86_64" },
            settings = new Dictionary<string, string> { ["stateFile"] = Path.GetFileName(cloudFile) },
        }).Expect(HttpStatusCode.Created);
        await op.PostAsync("/api/v1/reconcile", null).Expect(HttpStatusCode.OK);
        var ids = new List<string>();
        for (var i = 0; i < Allocations; i++)
        {
            ids.Add((await op.Post("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 4, memoryGiB = 8 } }).Expect(HttpStatusCode.Created)).Str("id"));
        }

        await op.PostAsync("/api/v1/reconcile", null).Expect(HttpStatusCode.OK);
        return ids;
    }

    private static async Task ChurnAsync(HttpClient op, List<string> ids, Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var id = ids[random.Next(ids.Count)];
            try
            {
                using var response = random.Next(10) == 0
                    ? await op.DeleteAsync($"/api/v1/allocations/{id}", stop)
                    : random.Next(5) == 0
                        ? await op.PostAsync("/api/v1/reconcile", null, stop)
                        : await op.PatchAsJsonAsync($"/api/v1/allocations/{id}", new { resources = new { vcpu = 1 + random.Next(8), memoryGiB = 1 + random.Next(16) } }, stop);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                return; // cut off by the kill
            }
        }
    }

    /// <summary>
    /// Reconciles (bounded: at most a minute of passes) until nothing is transitional and the pools and
    /// the cloud agree with the allocations, then lists what still disagrees. A resize the kill cut is
    /// rolled back or finished by the allocation first and made on the cloud by a later grant pass, so
    /// the check waits for passes, not only for the statuses.
    /// </summary>
    private static async Task<List<string>> SettleAndCheckAsync(HttpClient op, List<string> ids, string cloudFile)
    {
        var watch = Stopwatch.StartNew();
        List<string> problems;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500)); // the pools' sweep runs on the controller's own clock (1 s)
            await op.PostAsync("/api/v1/reconcile", null).Expect(HttpStatusCode.OK);
            problems = await CheckAsync(op, ids, cloudFile);
        }
        while (problems.Count > 0 && watch.Elapsed < TimeSpan.FromSeconds(60));

        return problems;
    }

    private static async Task<List<string>> CheckAsync(HttpClient op, List<string> ids, string cloudFile)
    {
        var problems = new List<string>();
        var views = await Task.WhenAll(ids.Select(id => op.GetAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK)));
        var live = views.Where(v => v.Str("status") == "Ready").ToList();
        problems.AddRange(views.Where(v => v.Str("status") is not ("Ready" or "Released")).Select(v => $"{v.Str("id")} left {v.Str("status")}"));
        foreach (var pool in new[] { "dept", "province" })
        {
            var reserved = (await op.GetAsync($"/api/v1/pools/{pool}").Expect(HttpStatusCode.OK)).Long("reserved.vcpu");
            if (reserved != live.Sum(v => v.Long("resources.vcpu")))
            {
                problems.Add($"pool {pool} reserves {reserved} vcpu; the Ready allocations hold {live.Sum(v => v.Long("resources.vcpu"))}");
            }
        }

        var grants = JsonNode.Parse(await File.ReadAllTextAsync(cloudFile))!.AsArray().ToDictionary(o => o!["AllocationId"]!.GetValue<string>(), o => o!);
        foreach (var v in live)
        {
            var granted = grants.GetValueOrDefault(v.Str("id"));
            if (granted is null || granted.Long("Granted.vcpu") != v.Long("resources.vcpu") || granted.Long("Granted.memoryGiB") != v.Long("resources.memoryGiB"))
            {
                problems.Add($"{v.Str("id")} is {v.Long("resources.vcpu")} vcpu/{v.Long("resources.memoryGiB")} GiB; the cloud grants {granted?["Granted"]?.ToJsonString() ?? "nothing"}");
            }
        }

        problems.AddRange(grants.Keys.Where(id => !live.Any(v => v.Str("id") == id)).Select(id => $"the cloud still grants {id}, which is not Ready"));
        return problems;
    }
}
