using System.Net;
using CloudMgmt.Client.Models;
using CloudMgmt.Client.Problems;
using CloudMgmt.Client.Tests.Infrastructure;

namespace CloudMgmt.Client.Tests;

/// <summary>
/// The client's retries, driven by a scripted transport and a fake clock: what it waits for, and what it
/// never repeats. (The real controller's rate limit answers are covered once it sends them.)
/// </summary>
public sealed class RetryTests
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(100);
    private readonly ObservedClock _clock = new();

    [Fact]
    public async Task Get_429WithRetryAfter_WaitsExactlyThatLongThenSucceeds()
    {
        var transport = new ScriptedTransport(
            ScriptedTransport.Status(HttpStatusCode.TooManyRequests, "{\"title\":\"Too many requests\",\"status\":429}", TimeSpan.FromSeconds(7)),
            ScriptedTransport.Status(HttpStatusCode.OK, "[]"));
        using var client = Client(transport);

        var call = client.Pools.ListAsync();
        await transport.NextRequestAsync();
        var wait = await _clock.NextWaitAsync(ignore: AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(7), wait);
        Assert.Single(transport.Requests);

        _clock.Advance(wait);
        Assert.Empty(await call);
        Assert.Equal(2, transport.Requests.Count);
    }

    [Fact]
    public async Task Get_RetryAfterAboveTheCap_ThrowsRateLimitedAtOnceWithTheWait()
    {
        var transport = new ScriptedTransport(
            ScriptedTransport.Status(HttpStatusCode.TooManyRequests, "{\"title\":\"Too many requests\",\"status\":429,\"detail\":\"slow down\"}", TimeSpan.FromHours(1)));
        using var client = Client(transport);

        var e = await Assert.ThrowsAsync<RateLimitedException>(() => client.Pools.ListAsync());

        Assert.Single(transport.Requests);
        Assert.Equal(TimeSpan.FromHours(1), e.Problem.RetryAfter);
        Assert.Equal("slow down", e.Problem.Detail);
    }

    [Fact]
    public async Task Get_503UntilRetriesRunOut_ThrowsServiceUnavailable()
    {
        var transport = new ScriptedTransport(ScriptedTransport.Status(HttpStatusCode.ServiceUnavailable, "{\"title\":\"Starting\",\"status\":503}", TimeSpan.Zero));
        using var client = Client(transport, maxRetries: 2);

        var e = await Assert.ThrowsAsync<ServiceUnavailableException>(() => client.Pools.ListAsync());

        Assert.Equal(3, transport.Requests.Count);
        Assert.Equal("Starting", e.Problem.Title);
    }

    [Fact]
    public async Task RequestAllocation_ConnectionDropped_RepeatedWithTheSameIdempotencyKey()
    {
        var transport = new ScriptedTransport(ScriptedTransport.Drop(), ScriptedTransport.Status(HttpStatusCode.Created, AllocationJson));
        using var client = Client(transport);

        var call = client.Allocations.RequestAsync(new NewAllocation { Tenant = "t", Resources = new Dictionary<string, long> { ["vcpu"] = 1 } });
        await transport.NextRequestAsync();
        _clock.Advance(await _clock.NextWaitAsync(ignore: AttemptTimeout)); // the backoff, since no server asked for a wait
        await call;

        var keys = transport.Requests.Select(r => Assert.Single(r.Headers.GetValues("Idempotency-Key"))).ToList();
        Assert.Equal(2, keys.Count);
        Assert.Equal(keys[0], keys[1]);
    }

    [Fact]
    public async Task CreatePool_ConnectionDropped_NotRepeated()
    {
        var transport = new ScriptedTransport(ScriptedTransport.Drop(), ScriptedTransport.Status(HttpStatusCode.Created, "{}"));
        using var client = Client(transport);

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            client.Pools.CreateAsync(new NewPool { Id = "p", Quota = new Dictionary<string, long> { ["vcpu"] = 1 } }));

        Assert.Single(transport.Requests); // without a key, a second create might make a second pool
    }

    private CloudMgmtClient Client(ScriptedTransport transport, int maxRetries = 3) => CloudMgmtClient.Create(new CloudMgmtClientOptions
    {
        BaseAddress = new Uri("http://127.0.0.1:1"),
        Token = "t",
        MaxRetries = maxRetries,
        TimeProvider = _clock,
        AttemptTimeout = AttemptTimeout,
    }, transport);

    private const string AllocationJson = """
        {"id":"alloc-00000000000000000000000000000001","tenant":"t","pool":"p","resources":{"vcpu":1},"constraints":{},"priority":0,
         "status":"Admitted","decision":{"fits":true,"needsApproval":false,"path":["p"],"shortfalls":[],"approvalReasons":[],"placement":null},
         "history":[],"createdAt":"2026-12-01T00:00:00Z","updatedAt":"2026-12-01T00:00:00Z"}
        """;
}
