using System.Net;
using CloudMgmt.Api.Tests.Infrastructure;

namespace CloudMgmt.Api.Tests.Clouds;

/// <summary>Admission followed by placement on the embedded default's two sandbox clouds.</summary>
public sealed class PlacementApiTests : IDisposable
{
    private readonly ControllerFactory _factory = new();

    public PlacementApiTests()
    {
        _factory.Settings["Sandbox:RegisterDefaults"] = "true";
        _factory.Settings["Reconcile:InventoryInterval"] = "01:00:00";
        _factory.Settings["Reconcile:GrantInterval"] = "01:00:00";
    }

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> ReadyAsync()
    {
        var op = _factory.Operator();
        await op.PostAsync("/api/v1/clouds/province-x86/reconcile", null).Expect(HttpStatusCode.OK);
        await op.PostAsync("/api/v1/clouds/xinchuang-arm/reconcile", null).Expect(HttpStatusCode.OK);
        await ApiCalls.SeedAsync(op, vcpu: 10_000, memoryGiB: 40_000);
        return op;
    }

    [Fact]
    public async Task Create_XinchuangConstraint_PlacedOnArmCloudAndRoomHeldThere()
    {
        var op = await ReadyAsync();

        var created = await op.Post("/api/v1/allocations", new
        {
            tenant = "health", resources = new { vcpu = 16, memoryGiB = 64 }, constraints = new { xinchuang = "true" },
        }).Expect(HttpStatusCode.Created);

        Assert.Equal("Placed", created.Str("status"));
        Assert.Equal("xinchuang-arm", created["decision"]!["placement"]!["shares"]![0]!.Str("cloudId"));
        var arm = await op.GetAsync("/api/v1/clouds/xinchuang-arm").Expect(HttpStatusCode.OK);
        Assert.Equal(16, arm.Long("reserved.vcpu"));
    }

    [Fact]
    public async Task DryRun_ArchitectureConstraint_ExplainsEveryCloudAndChangesNothing()
    {
        var op = await ReadyAsync();

        var dry = await op.Post("/api/v1/allocations?dryRun=true", new
        {
            tenant = "health", resources = new { vcpu = 8 }, constraints = new { architecture = "aarch64" },
        }).Expect(HttpStatusCode.OK);

        Assert.Equal("Placed", dry.Str("wouldBe"));
        var clouds = dry["decision"]!["placement"]!["clouds"]!.AsArray();
        var x86 = clouds.Single(c => c!.Str("cloudId") == "province-x86")!;
        Assert.Contains(x86["verdicts"]!.AsArray(), v => v!.Str("filter") == "architecture" && !v!["passed"]!.GetValue<bool>());
        Assert.Equal(0, (await op.GetAsync("/api/v1/clouds/xinchuang-arm").Expect(HttpStatusCode.OK)).Long("reserved.vcpu"));
    }

    [Fact]
    public async Task Create_NoCloudCanHoldIt_FailsWithReasonAndReturnsQuota()
    {
        var op = await ReadyAsync();

        var created = await op.Post("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 5000 } }).Expect(HttpStatusCode.Created);

        Assert.Equal("Failed", created.Str("status"));
        Assert.Contains("placement failed", created["history"]!.AsArray().Last()!.Str("message"), StringComparison.Ordinal);
        Assert.Equal(0, (await op.GetAsync("/api/v1/pools/dept").Expect(HttpStatusCode.OK)).Long("reserved.vcpu"));
    }
}
