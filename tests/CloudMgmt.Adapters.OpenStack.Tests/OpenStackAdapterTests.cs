using CloudMgmt.Adapters.OpenStack.Tests.Infrastructure;
using CloudMgmt.Domain.Resources;
using Microsoft.Extensions.Time.Testing;

namespace CloudMgmt.Adapters.OpenStack.Tests;

/// <summary>What only the OpenStack adapter does, against the real Keystone, Placement and Nova.</summary>
[Collection(OpenStackCollection.Name)]
public sealed class OpenStackAdapterTests(OpenStackPeer peer) : IAsyncLifetime
{
    private readonly FaultProxy _proxy = new(peer);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await peer.Admin.DeleteProjectOfAsync($"tenant-{_run}");
    }

    private GrantSpec Spec(string name, ResourceVector resources) =>
        new(new GrantRef($"alloc-{_run}-{name}", new TenantRef($"tenant-{_run}", "pool-adapter")), resources, null, new Dictionary<string, string>());

    [Fact]
    public async Task Call_AfterTokenRevoked_ReauthenticatesOnceAndSucceeds()
    {
        var adapter = OpenStackTestAdapters.Create(peer, _proxy);
        Assert.True((await adapter.ListGrantsAsync(default)).Succeeded);
        Assert.Equal(1, _proxy.TokenRequests);

        await peer.Admin.RevokeAsync(_proxy.LastToken!);
        var again = await adapter.ListGrantsAsync(default);

        Assert.True(again.Succeeded, again.Error?.ToString());
        Assert.Equal(2, _proxy.TokenRequests);
    }

    [Fact]
    public async Task Call_WithWrongPassword_IsUnauthorizedNotRetryable_AndNeverShowsThePassword()
    {
        const string variable = "CLOUDMGMT_CLOUD_TEST_OPENSTACK_WRONG";
        const string password = "definitely-wrong-pw-7731";
        Environment.SetEnvironmentVariable(variable, $$"""{"username":"admin","password":"{{password}}","projectName":"admin"}""");
        var adapter = OpenStackTestAdapters.Factory().Create(OpenStackTestAdapters.Connection(
            "wrong", _proxy.IdentityUrl, "env:" + variable, new Dictionary<string, string> { ["computeEndpoint"] = _proxy.ComputeUrl }));

        var result = await adapter.DescribeCapacityAsync(default);
        var health = await adapter.CheckHealthAsync(default);

        Assert.Equal(AdapterErrorKind.Unauthorized, result.Error?.Kind);
        Assert.False(result.Error!.Retryable);
        Assert.DoesNotContain(password, result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(AdapterErrorKind.Unauthorized, health.Error?.Kind);
        Assert.Equal(2, _proxy.TokenRequests); // one per call: a refused password is not retried
    }

    [Fact]
    public async Task ApplicationCredential_WithUnversionedKeystoneUrl_DiscoversV3AndWorks()
    {
        var user = (await peer.Admin.Keystone(HttpMethod.Get, "/users?name=admin&domain_id=default"))!["users"]![0]!["id"]!.ToString();
        var created = (await peer.Admin.Keystone(HttpMethod.Post, $"/users/{user}/application_credentials", new System.Text.Json.Nodes.JsonObject
        {
            ["application_credential"] = new System.Text.Json.Nodes.JsonObject { ["name"] = $"cloudmgmt-test-{_run}" },
        }))!["application_credential"]!;
        try
        {
            const string variable = "CLOUDMGMT_CLOUD_TEST_OPENSTACK_APPCRED";
            Environment.SetEnvironmentVariable(variable, $$"""{"applicationCredentialId":"{{created["id"]}}","applicationCredentialSecret":"{{created["secret"]}}"}""");
            var unversioned = peer.AuthUrl[..^"/v3".Length];
            var adapter = OpenStackTestAdapters.Factory().Create(OpenStackTestAdapters.Connection(
                "appcred", unversioned, "env:" + variable, new Dictionary<string, string>()));

            var capacity = await adapter.DescribeCapacityAsync(default);
            var health = await adapter.CheckHealthAsync(default);

            Assert.True(capacity.Succeeded, capacity.Error?.ToString());
            Assert.True(health.Unwrap().Healthy, health.Unwrap().Detail);
        }
        finally
        {
            await peer.Admin.Keystone(HttpMethod.Delete, $"/users/{user}/application_credentials/{created["id"]}");
        }
    }

    [Fact]
    public async Task Token_IsReusedUntilShortlyBeforeExpiry_ThenRenewed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var adapter = OpenStackTestAdapters.Create(peer, _proxy, time);

        await adapter.ListGrantsAsync(default);
        time.Advance(TimeSpan.FromHours(1));
        await adapter.ListGrantsAsync(default);
        var beforeRenewal = _proxy.TokenRequests;
        time.Advance(TimeSpan.FromHours(3) - TimeSpan.FromMinutes(3)); // the peer's tokens last 4 h; renewal is 5 min ahead
        await adapter.ListGrantsAsync(default);

        Assert.Equal(1, beforeRenewal);
        Assert.Equal(2, _proxy.TokenRequests);
    }

    [Fact]
    public async Task DescribeCapacity_IsPlacementInventoryTimesAllocationRatio()
    {
        var adapter = OpenStackTestAdapters.Create(peer, _proxy);
        var providers = (await peer.Admin.Placement(HttpMethod.Get, "/resource_providers"))!["resource_providers"]!.AsArray();
        long vcpu = 0, memoryMiB = 0;
        foreach (var rp in providers)
        {
            var inventories = (await peer.Admin.Placement(HttpMethod.Get, $"/resource_providers/{rp!["uuid"]}/inventories"))!["inventories"]!;
            long Capacity(string rc) => inventories[rc] is { } i
                ? (long)Math.Floor((i["total"]!.GetValue<long>() - i["reserved"]!.GetValue<long>()) * i["allocation_ratio"]!.GetValue<double>())
                : 0;
            vcpu += Capacity("VCPU");
            memoryMiB += Capacity("MEMORY_MB");
        }

        var capacity = (await adapter.DescribeCapacityAsync(default)).Unwrap();

        Assert.True(vcpu > 0);
        Assert.Equal(vcpu, capacity.Total[ResourceNames.Vcpu]);
        Assert.Equal(memoryMiB / 1024, capacity.Total[ResourceNames.MemoryGiB]);
        Assert.Contains(capacity.Slices, s => s.Zone == "nova" && s.Labels["architecture"] == s.Architecture);
    }

    [Fact]
    public async Task ApplyGrant_WithFlavorPolicy_SetsCoresRamAndInstancesOnTheProject()
    {
        var adapter = OpenStackTestAdapters.Create(peer, _proxy, settings: new() { ["flavor"] = "m1.medium" }); // 2 vCPU, 4096 MiB
        var first = Spec("flavor-a", ResourceVector.Of(2, 8));
        var second = Spec("flavor-b", ResourceVector.Of(2, 2));

        await adapter.ApplyGrantAsync(first, default);
        var observed = (await adapter.ApplyGrantAsync(second, default)).Unwrap();
        var project = await peer.Admin.ProjectOfAsync(first.Grant.Tenant.TenantId);
        var quota = await peer.Admin.QuotaAsync(project!["id"]!.ToString());

        Assert.Equal(4, quota["cores"]!["limit"]!.GetValue<long>());
        Assert.Equal(10 * 1024, quota["ram"]!["limit"]!.GetValue<long>());
        Assert.Equal(3, quota["instances"]!["limit"]!.GetValue<long>()); // RAM allows 3 m1.medium, cores 2: the larger
        Assert.Equal(ResourceVector.Of(2, 2), observed.Granted);
        Assert.Equal($"cloudmgmt-pool-adapter", (await peer.Admin.Keystone(HttpMethod.Get, $"/domains/{project["domain_id"]}"))!["domain"]!["name"]!.ToString());

        await adapter.ReleaseGrantAsync(first.Grant, default);
        await adapter.ReleaseGrantAsync(second.Grant, default);
        var released = await peer.Admin.QuotaAsync(project["id"]!.ToString());
        Assert.Equal((0, 0, 0), (released["cores"]!["limit"]!.GetValue<long>(), released["ram"]!["limit"]!.GetValue<long>(), released["instances"]!["limit"]!.GetValue<long>()));
    }

    [Fact]
    public async Task RemoveTenantSpace_WithGrants_IsConflict_ThenEmptyProjectIsDeleted()
    {
        var adapter = (ITenantSpaceRemoval)OpenStackTestAdapters.Create(peer, _proxy);
        var spec = Spec("remove", ResourceVector.Of(1, 1));
        await ((ICloudAdapter)adapter).ApplyGrantAsync(spec, default);

        var refused = await adapter.RemoveTenantSpaceAsync(spec.Grant.Tenant, default);
        await ((ICloudAdapter)adapter).ReleaseGrantAsync(spec.Grant, default);
        var removed = await adapter.RemoveTenantSpaceAsync(spec.Grant.Tenant, default);

        Assert.Equal(AdapterErrorKind.Conflict, refused.Error?.Kind);
        Assert.True(removed.Succeeded);
        Assert.Null(await peer.Admin.ProjectOfAsync(spec.Grant.Tenant.TenantId));
    }
}
