using System.Net;
using CloudMgmt.Api.Tests.Infrastructure;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Clouds;
using Microsoft.Extensions.DependencyInjection;

namespace CloudMgmt.Api.Tests.Clouds;

public sealed class PlacementRecoveryTests : IDisposable
{
    private readonly ControllerFactory _factory = new();

    public PlacementRecoveryTests()
    {
        _factory.Settings["Reconcile:InventoryInterval"] = "01:00:00";
        _factory.Settings["Reconcile:GrantInterval"] = "01:00:00";
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Reconcile_PlacementCutShortByACrash_AllocationPlacesItselfOnTheRoomHeldForIt()
    {
        var op = _factory.Operator();
        await ApiCalls.SeedAsync(op);
        // Admitted while no cloud was registered: the controller was a quota ledger.
        var admitted = await op.Post("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 4, memoryGiB = 16 } }).Expect(HttpStatusCode.Created);
        var id = admitted.Str("id");
        Assert.Equal("Admitted", admitted.Str("status"));
        await op.Post("/api/v1/clouds", new
        {
            id = "late-cloud", kind = "sandbox", region = "anhui", labels = new { securityLevel = "3", architecture = "x86_64" },
        }).Expect(HttpStatusCode.Created);
        await op.PostAsync("/api/v1/clouds/late-cloud/reconcile", null).Expect(HttpStatusCode.OK);
        // The state a crash leaves between "the cloud holds room" and "the allocation records Placed".
        await _factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ICloudGrain>("late-cloud")
            .Reserve(new DesiredGrant(id, "health", "dept", ResourceVector.Of(4, 16), false));

        // The reconciler makes the grant and tells the allocation, which wakes Admitted, places
        // itself (on the room already held for it) and takes the grant: nothing is made twice.
        await op.PostAsync("/api/v1/clouds/late-cloud/reconcile", null).Expect(HttpStatusCode.OK);
        var cloud = await op.PostAsync("/api/v1/clouds/late-cloud/reconcile", null).Expect(HttpStatusCode.OK);

        var settled = await op.GetAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK);
        Assert.Equal("Ready", settled.Str("status"));
        Assert.Contains(settled["history"]!.AsArray(), e => e!["status"]!.GetValue<string>() == "Placed");
        Assert.Equal(4, cloud.Long("reserved.vcpu"));
        Assert.Equal(4, cloud.Long("granted.vcpu"));
    }
}
