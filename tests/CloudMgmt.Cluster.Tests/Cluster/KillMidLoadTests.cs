using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CloudMgmt.Cluster.Tests.Infrastructure;
using CloudMgmt.Application.Allocations;

namespace CloudMgmt.Cluster.Tests.Cluster;

/// <summary>
/// Three controller processes on one database form one cluster; allocations are requested through
/// all of them while one is killed with SIGKILL. A client that gets no definite answer (201 or 409)
/// retries the same Idempotency-Key on another node, as a real client would.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class KillMidLoadTests : IAsyncLifetime
{
    private const string ClusterId = "kill-test";
    private const int Requests = 90;
    private const int DepartmentVcpu = 40;
    private const int KillAfter = 30;
    private readonly List<ClusterNode> _nodes = [];
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await PostgresServer.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await _db.DisposeAsync();
    }

    [Fact]
    public async Task ThreeSilos_OneKilledMidLoad_EveryAcceptedAllocationExistsOnceAndNoPoolIsOverItsLimit()
    {
        _nodes.AddRange(await ClusterNode.StartManyAsync(3, _db.ConnectionString, ClusterId, ClusterArgs.Common));
        var active = await _db.RowsAsync($"SELECT Port FROM OrleansMembershipTable WHERE DeploymentId = '{ClusterId}' AND Status = 3");
        Assert.Equal(_nodes.Select(n => n.SiloPort).Order(), active.Select(r => (int)r[0]).Order());

        var clients = _nodes.Select(n => n.Operator()).ToArray();
        await SeedAsync(clients[0]);
        var victim = _nodes[2];
        var accepted = new ConcurrentDictionary<string, string>();
        var retriedElsewhere = new ConcurrentBag<(string First, string Again)>();
        var done = 0;
        Task? kill = null;
        using var gate = new SemaphoreSlim(12);
        await Task.WhenAll(Enumerable.Range(0, Requests).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var key = $"order-{i}";
                var (id, node) = await RequestUntilDefiniteAsync(clients, key, first: i % 3);
                if (id is not null)
                {
                    accepted[key] = id;
                    if (i % 5 == 0 && await RequestUntilDefiniteAsync(clients, key, first: node + 1) is { Id: { } again })
                    {
                        retriedElsewhere.Add((id, again));
                    }
                }
            }
            finally
            {
                gate.Release();
            }

            if (Interlocked.Increment(ref done) == KillAfter)
            {
                kill = victim.KillAsync();
            }
        }));
        await kill!;

        var survivors = clients[..2];
        Assert.NotEmpty(retriedElsewhere);
        Assert.All(retriedElsewhere, r => Assert.Equal(r.First, r.Again));
        var possibleIds = Enumerable.Range(0, Requests).Select(i => AllocationIds.For("health", $"order-{i}")).ToHashSet();
        foreach (var client in survivors)
        {
            var listed = (await client.ListAllocationsAsync()).Select(a => a["id"]!.GetValue<string>()).ToList();
            Assert.Equal(listed.Count, listed.Distinct().Count());
            Assert.Equal(accepted.Values.Order(), listed.Order()); // every accepted allocation, once; nothing else
            Assert.Subset(possibleIds, listed.ToHashSet());
        }

        Assert.InRange(accepted.Count, 1, DepartmentVcpu);
        await AssertPoolsSettleWithinLimitsAsync(survivors[0], accepted.Count);
        await AssertEveryGrainReachableAsync(survivors, accepted.Values);
        await AssertVictimDeclaredDeadAsync(victim.SiloPort);
    }

    private static async Task SeedAsync(HttpClient op)
    {
        await op.Post("/api/v1/pools", new { id = "province", quota = new { vcpu = 0, memoryGiB = 0 } }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/pools", new { id = "city", parent = "province", quota = new { vcpu = 0 } }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/pools", new { id = "dept", parent = "city", quota = new { vcpu = DepartmentVcpu, memoryGiB = 1000 } }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/tenants", new { id = "health", pool = "dept" }).Expect(HttpStatusCode.Created);
    }

    /// <summary>Sends the request to node <paramref name="first"/>, then the next, ... until one answers 201 (the id) or 409 (null).</summary>
    private static async Task<(string? Id, int Node)> RequestUntilDefiniteAsync(HttpClient[] clients, string key, int first)
    {
        var deadline = Stopwatch.StartNew();
        for (var attempt = 0; deadline.Elapsed < TimeSpan.FromSeconds(90); attempt++)
        {
            var node = (first + attempt) % clients.Length;
            try
            {
                using var response = await clients[node].PostWithKey("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 1 } }, key);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    return (JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>(), node);
                }

                if (response.StatusCode == HttpStatusCode.Conflict)
                {
                    return (null, node);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // that node is gone or could not answer in time: no definite answer, ask another
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100)); // a client's back-off between retries against real processes
        }

        throw new TimeoutException($"no node gave a definite answer for {key}");
    }

    /// <summary>Reservations a killed node left unconfirmed are dropped after Reservations:ConfirmAfter; then the ledgers equal the allocations.</summary>
    private static async Task AssertPoolsSettleWithinLimitsAsync(HttpClient client, int admitted)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var dept = await client.GetAsync("/api/v1/pools/dept").Expect(HttpStatusCode.OK);
            var province = await client.GetAsync("/api/v1/pools/province").Expect(HttpStatusCode.OK);
            Assert.InRange(dept.Long("reserved.vcpu"), 0, DepartmentVcpu);
            Assert.InRange(province.Long("reserved.vcpu"), 0, province.Long("subtreeQuota.vcpu"));
            if (dept.Long("reserved.vcpu") == admitted && province.Long("reserved.vcpu") == admitted)
            {
                return;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), $"pools did not settle: dept {dept.ToJsonString()}, admitted {admitted}");
            await Task.Delay(TimeSpan.FromMilliseconds(250)); // waiting for the pool's own sweep in a real process
        }
    }

    private static async Task AssertEveryGrainReachableAsync(HttpClient[] survivors, ICollection<string> ids)
    {
        foreach (var client in survivors)
        {
            foreach (var id in ids)
            {
                var allocation = await client.GetAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK);
                Assert.Equal("Admitted", allocation["status"]!.GetValue<string>());
            }

            foreach (var pool in new[] { "province", "city", "dept" })
            {
                await client.GetAsync($"/api/v1/pools/{pool}").Expect(HttpStatusCode.OK);
            }

            var tenant = await client.GetAsync("/api/v1/tenants/health").Expect(HttpStatusCode.OK);
            Assert.Equal(ids.Count, tenant.Long("allocations"));
        }
    }

    private async Task AssertVictimDeclaredDeadAsync(int siloPort)
    {
        var deadline = Stopwatch.StartNew();
        while (await _db.ScalarAsync<long>($"SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = '{ClusterId}' AND Port = {siloPort} AND Status = 6") == 0)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the killed silo was not declared dead");
            await Task.Delay(TimeSpan.FromMilliseconds(250)); // the survivors' failure detector, in real processes
        }
    }
}
