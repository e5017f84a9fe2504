using System.Net;
using System.Text.Json.Nodes;
using CloudMgmt.Adapters.Ec2.Tests.Fake;

namespace CloudMgmt.Adapters.Ec2.Tests.EndToEnd;

/// <summary>
/// An EC2 cloud under management through the API: registered, capacity requested and made real as
/// tagged capacity reservations on the (fake) EC2 endpoint, instances launched into them showing as
/// used, and released again.
/// </summary>
public sealed class Ec2EndToEndTests : IAsyncLifetime
{
    private const string CloudId = "burst-ec2";

    private readonly FakeEc2Fixture _ec2 = new();
    private readonly EmbeddedController _controller = new() { Settings = { ["Resilience:RetryDelay"] = "00:00:00.005" } };
    private HttpClient _op = null!;

    public async Task InitializeAsync()
    {
        await _ec2.InitializeAsync();
        _controller.Settings["Credentials:Directory"] = _ec2.Folder; // where the key pair is mounted, as a Secret would be
        _op = _controller.Operator();
    }

    public async Task DisposeAsync()
    {
        _op.Dispose();
        await _controller.DisposeAsync();
        await _ec2.DisposeAsync();
    }

    private Task<JsonNode> ReconcileAsync() => _op.PostAsync("/api/v1/reconcile", null).Expect(HttpStatusCode.OK);

    private Task<JsonNode> CloudAsync() => _op.GetAsync($"/api/v1/clouds/{CloudId}").Expect(HttpStatusCode.OK);

    [Fact]
    public async Task Ec2Cloud_RequestUseRelease_ReservationsFollowAndUsageShows()
    {
        var registered = await _op.Post("/api/v1/clouds", new
        {
            id = CloudId, kind = "ec2", region = FakeEc2Fixture.Region, endpoint = _ec2.Server.Url, credentialsRef = _ec2.CredentialsRef,
            allowInsecureEndpoint = true,
            labels = new Dictionary<string, string> { ["securityLevel"] = "3", ["architecture"] = "x86_64", ["xinchuang"] = "false" },
            settings = new Dictionary<string, string> { ["maxVcpu"] = "256", ["instancePolicy"] = "family:m5", ["prices"] = "m5.large=0.096" },
        }).Expect(HttpStatusCode.Created);
        await ReconcileAsync();
        Assert.Equal(256, (await CloudAsync()).Long("capacity.vcpu"));
        Assert.DoesNotContain(_ec2.State.SecretAccessKey, registered.ToJsonString(), StringComparison.Ordinal);

        await SeedAsync();
        var allocation = await _op.Post("/api/v1/allocations", new { tenant = "health", resources = new { vcpu = 8, memoryGiB = 32 } })
            .Expect(HttpStatusCode.Created);
        var id = allocation.Str("id");
        await ReconcileAsync(); // makes the grant
        await ReconcileAsync(); // and reads it back into the cloud's inventory

        Assert.Equal("Ready", (await _op.GetAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK)).Str("status"));
        var reservation = Assert.Single(_ec2.State.ActiveOf(id));
        Assert.Equal(("m5.large", 4), (reservation.InstanceType, reservation.Total));
        Assert.Equal("true", reservation.Tags[ManagementMarks.Managed]);
        Assert.Equal("health", reservation.Tags[ManagementMarks.Tenant]);
        Assert.Equal("dept", reservation.Tags[ManagementMarks.Pool]);
        var before = await CloudAsync();
        Assert.Equal(8, before.Long("granted.vcpu"));
        Assert.Equal(0, before.Long("used.vcpu"));

        var changesBefore = _ec2.State.CallsOf("CreateCapacityReservation") + _ec2.State.CallsOf("ModifyCapacityReservation");
        _ec2.State.Launch(reservation.Id, 3); // a tenant starts three instances in its reservation
        await ReconcileAsync();
        var busy = await CloudAsync();

        Assert.Equal(6, busy.Long("used.vcpu"));
        Assert.Equal(24, busy.Long("used.memoryGiB"));
        Assert.Equal(0.75, (double)busy.Long("used.vcpu") / busy.Long("granted.vcpu")); // efficiency
        Assert.Equal("Ready", (await _op.GetAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK)).Str("status"));
        Assert.Equal(changesBefore, _ec2.State.CallsOf("CreateCapacityReservation") + _ec2.State.CallsOf("ModifyCapacityReservation")); // a steady pass changes nothing on EC2

        Assert.Equal("Releasing", (await _op.DeleteAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK)).Str("status"));
        await ReconcileAsync();
        await ReconcileAsync();

        Assert.Equal("Released", (await _op.GetAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK)).Str("status"));
        Assert.Equal("cancelled", reservation.State);
        Assert.Empty(_ec2.State.ActiveOf(id));
        Assert.Equal(0, (await CloudAsync()).Long("granted.vcpu"));
    }

    /// <summary>province > city > department, and the department's tenant.</summary>
    private async Task SeedAsync()
    {
        await _op.Post("/api/v1/pools", new { id = "province", quota = new { vcpu = 0, memoryGiB = 0 } }).Expect(HttpStatusCode.Created);
        await _op.Post("/api/v1/pools", new { id = "city", parent = "province", quota = new { vcpu = 0 } }).Expect(HttpStatusCode.Created);
        await _op.Post("/api/v1/pools", new { id = "dept", parent = "city", quota = new { vcpu = 100, memoryGiB = 400 } }).Expect(HttpStatusCode.Created);
        await _op.Post("/api/v1/tenants", new { id = "health", pool = "dept", displayName = "Health Commission" }).Expect(HttpStatusCode.Created);
    }
}
