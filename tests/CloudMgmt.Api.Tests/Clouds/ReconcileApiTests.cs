using System.Net;
using System.Text.Json.Nodes;
using CloudMgmt.Adapters;
using CloudMgmt.Adapters.Sandbox;
using CloudMgmt.Api.Tests.Infrastructure;
using CloudMgmt.Domain.Resources;
using Microsoft.Extensions.DependencyInjection;

namespace CloudMgmt.Api.Tests.Clouds;

/// <summary>Placed allocations made real on sandbox clouds by the reconciler, kept true, and removed again.</summary>
public sealed class ReconcileApiTests : IDisposable
{
    private readonly ControllerFactory _factory = new();
    private HttpClient _op = null!;

    public ReconcileApiTests()
    {
        _factory.Settings["Sandbox:RegisterDefaults"] = "true";
        _factory.Settings["Reconcile:InventoryInterval"] = "01:00:00";
        _factory.Settings["Reconcile:GrantInterval"] = "01:00:00"; // the tests trigger every pass themselves
        _factory.Settings["Resilience:RetryDelay"] = "00:00:00.005";
    }

    public void Dispose() => _factory.Dispose();

    private SandboxCloud Sandbox(string cloudId) =>
        _factory.Services.GetServices<ICloudAdapterFactory>().OfType<SandboxAdapterFactory>().Single().CloudFor(cloudId)!;

    private Task<JsonNode> ReconcileAsync(string cloudId) => _op.PostAsync($"/api/v1/clouds/{cloudId}/reconcile", null).Expect(HttpStatusCode.OK);

    private async Task StartAsync()
    {
        _op = _factory.Operator();
        await ReconcileAsync("province-x86");
        await ReconcileAsync("xinchuang-arm");
        await ApiCalls.SeedAsync(_op, vcpu: 10_000, memoryGiB: 40_000);
    }

    private async Task<JsonNode> PlaceOnX86Async(long vcpu = 8) =>
        await _op.Post("/api/v1/allocations", new { tenant = "health", resources = new { vcpu, memoryGiB = vcpu * 4 }, constraints = new { architecture = "x86_64" } })
            .Expect(HttpStatusCode.Created);

    private async Task<JsonNode> GetAsync(JsonNode allocation) => await _op.GetAsync($"/api/v1/allocations/{allocation.Str("id")}").Expect(HttpStatusCode.OK);

    [Fact]
    public async Task Reconcile_PlacedAllocation_BecomesReadyWithExactlyOneGrant()
    {
        await StartAsync();
        var placed = await PlaceOnX86Async();

        var cloud = await ReconcileAsync("province-x86");
        await ReconcileAsync("province-x86");

        Assert.Equal("Ready", (await GetAsync(placed)).Str("status"));
        Assert.Equal(1, Sandbox("province-x86").ObjectsFor(placed.Str("id")));
        Assert.Equal(8, cloud.Long("granted.vcpu"));
    }

    [Fact]
    public async Task Reconcile_GrantChangedOrDeletedBehindOurBack_IsRestoredAndTheRepairIsInTheHistory()
    {
        await StartAsync();
        var a = await PlaceOnX86Async(8);
        var b = await PlaceOnX86Async(4);
        await ReconcileAsync("province-x86");

        Sandbox("province-x86").Tamper(a.Str("id"), ResourceVector.Of(2, 2));
        Sandbox("province-x86").Delete(b.Str("id"));
        var cloud = await ReconcileAsync("province-x86");

        Assert.Equal(12, cloud.Long("granted.vcpu"));
        Assert.Contains((await GetAsync(a))["history"]!.AsArray(), e => e!.Str("message").Contains("repaired drift", StringComparison.Ordinal));
        Assert.Equal(1, Sandbox("province-x86").ObjectsFor(b.Str("id")));
        var metrics = await _factory.Operator().GetStringAsync("/metrics");
        var repairs = metrics.Split('\n').Single(l => l.StartsWith("cloudmgmt_reconcile_repairs_total{cloud=\"province-x86\"}", StringComparison.Ordinal));
        Assert.True(double.Parse(repairs.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) >= 2, repairs);
    }

    [Fact]
    public async Task Release_ReadyAllocation_RemovesTheGrantThenReturnsTheQuota()
    {
        await StartAsync();
        var a = await PlaceOnX86Async(8);
        await ReconcileAsync("province-x86");

        var releasing = await _op.DeleteAsync($"/api/v1/allocations/{a.Str("id")}").Expect(HttpStatusCode.OK);
        var heldWhileReleasing = (await _op.GetAsync("/api/v1/pools/dept").Expect(HttpStatusCode.OK)).Long("reserved.vcpu");
        var cloud = await ReconcileAsync("province-x86");

        Assert.Equal("Releasing", releasing.Str("status"));
        Assert.Equal(8, heldWhileReleasing);
        Assert.Equal("Released", (await GetAsync(a)).Str("status"));
        Assert.Equal(0, Sandbox("province-x86").ObjectsFor(a.Str("id")));
        Assert.Equal(0, cloud.Long("reserved.vcpu"));
        Assert.Equal(0, (await _op.GetAsync("/api/v1/pools/dept").Expect(HttpStatusCode.OK)).Long("reserved.vcpu"));
    }

    [Fact]
    public async Task Resize_ReadyAllocation_GrantFollowsAndTooBigForTheCloudChangesNothing()
    {
        await StartAsync();
        var a = await PlaceOnX86Async(8);
        await ReconcileAsync("province-x86");
        var url = $"/api/v1/allocations/{a.Str("id")}";

        var resizing = await _op.Patch(url, new { resources = new { vcpu = 12, memoryGiB = 48 } }).Expect(HttpStatusCode.OK);
        await ReconcileAsync("province-x86");
        var tooBig = await _op.Patch(url, new { resources = new { vcpu = 5000, memoryGiB = 48 } }).ExpectProblem(HttpStatusCode.Conflict);

        Assert.Equal("Resizing", resizing.Str("status"));
        Assert.Equal("Ready", (await GetAsync(a)).Str("status"));
        Assert.Equal(ResourceVector.Of(12, 48), Sandbox("province-x86").List().Single(g => g.AllocationId == a.Str("id")).Granted);
        Assert.Contains("province-x86", tooBig.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(12, (await _op.GetAsync("/api/v1/pools/dept").Expect(HttpStatusCode.OK)).Long("reserved.vcpu"));
    }

    [Fact]
    public async Task Reconcile_GrantMadeBeforeACrashButNotRecorded_IsAdoptedNotDuplicated()
    {
        await StartAsync();
        var a = await PlaceOnX86Async(8);
        // The reconciler applied the grant, then the process died before the allocation recorded it.
        var grant = new GrantRef(a.Str("id"), new TenantRef("health", "dept"));
        var made = (await new SandboxAdapter(Sandbox("province-x86"), TimeProvider.System)
            .ApplyGrantAsync(new GrantSpec(grant, ResourceVector.Of(8, 32), null, new Dictionary<string, string>()), default)).Unwrap();

        await ReconcileAsync("province-x86");

        var after = await GetAsync(a);
        Assert.Equal("Ready", after.Str("status"));
        Assert.Contains(made.ExternalId, after["history"]!.AsArray().Last()!.Str("message"), StringComparison.Ordinal);
        Assert.Equal(1, Sandbox("province-x86").ObjectsFor(a.Str("id")));
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 0)]
    public async Task Reconcile_GrantWithOurMarksAndNoAllocation_IsRemovedOnlyWhenRemoveLeaksIsSet(bool removeLeaks, int left)
    {
        _factory.Settings["Reconcile:RemoveLeaks"] = removeLeaks ? "true" : "false";
        await StartAsync();
        // A grant the controller made for an allocation it no longer knows (a restored backup, another controller's).
        var leak = new GrantRef("alloc-leaked", new TenantRef("health", "dept"));
        await new SandboxAdapter(Sandbox("province-x86"), TimeProvider.System)
            .ApplyGrantAsync(new GrantSpec(leak, ResourceVector.Of(2, 8), null, new Dictionary<string, string>()), default);

        await ReconcileAsync("province-x86");

        Assert.Equal(left, Sandbox("province-x86").ObjectsFor("alloc-leaked"));
    }

    [Fact]
    public async Task Reconcile_RoomHeldForAnAllocationThatNeverRecordedIt_IsGivenBack()
    {
        await StartAsync();
        // A crash after the cloud held room and before the allocation recorded its placement.
        var grains = _factory.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<CloudMgmt.Grains.Clouds.ICloudGrain>("province-x86")
            .Reserve(new CloudMgmt.Grains.Clouds.DesiredGrant("alloc-stray", "health", "dept", ResourceVector.Of(4, 16), false));

        var cloud = await ReconcileAsync("province-x86");

        Assert.Equal(0, cloud.Long("reserved.vcpu"));
        Assert.Equal(0, Sandbox("province-x86").ObjectsFor("alloc-stray"));
    }

    [Fact]
    public async Task Faults_HalfOfCallsFailing_EveryAllocationStillReachesReady()
    {
        await StartAsync();
        var allocations = new List<JsonNode>();
        for (var i = 0; i < 10; i++)
        {
            allocations.Add(await PlaceOnX86Async(2));
        }

        Sandbox("province-x86").FailureRate = 0.5;
        for (var pass = 0; pass < 10 && (await Task.WhenAll(allocations.Select(GetAsync))).Any(a => a.Str("status") != "Ready"); pass++)
        {
            await ReconcileAsync("province-x86");
        }

        Assert.All(await Task.WhenAll(allocations.Select(GetAsync)), a => Assert.Equal("Ready", a.Str("status")));
        Assert.All(allocations, a => Assert.Equal(1, Sandbox("province-x86").ObjectsFor(a.Str("id"))));
    }

    [Fact]
    public async Task Faults_CloudFailingEverything_BreakerOpensAndNewAllocationsGoElsewhere()
    {
        await StartAsync();
        Sandbox("province-x86").Outage = true;
        var first = await ReconcileAsync("province-x86");
        var last = first;
        // The breaker opens once failures are half of the calls in its window (the earlier healthy passes count too).
        for (var pass = 0; pass < 6 && !last["health"]!.Str("detail").Contains("circuit breaker is open", StringComparison.Ordinal); pass++)
        {
            last = await ReconcileAsync("province-x86");
        }

        var placed = await _op.Post("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 4 } }).Expect(HttpStatusCode.Created);

        Assert.False(first["health"]!["healthy"]!.GetValue<bool>());
        Assert.Contains("circuit breaker is open", last["health"]!.Str("detail"), StringComparison.Ordinal);
        Assert.Equal("xinchuang-arm", placed["decision"]!["placement"]!["shares"]![0]!.Str("cloudId"));
    }
}
