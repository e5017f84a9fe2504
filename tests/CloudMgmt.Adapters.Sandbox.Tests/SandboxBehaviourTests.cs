using CloudMgmt.Domain.Resources;
using Microsoft.Extensions.Time.Testing;

namespace CloudMgmt.Adapters.Sandbox.Tests;

public sealed class SandboxBehaviourTests
{
    private static readonly TenantRef Tenant = new("health", "hefei");
    private readonly FakeTimeProvider _time = new();

    private static GrantSpec Spec(string id, ResourceVector resources, UsageProfile profile) =>
        new(new GrantRef(id, Tenant), resources, null, new Dictionary<string, string> { [UsageSimulator.ProfileLabel] = profile.ToString() });

    [Theory]
    [InlineData(UsageProfile.Steady, 60, 60)]
    [InlineData(UsageProfile.Idle, 2, 2)]
    [InlineData(UsageProfile.Growing, 20, 60)]
    public async Task Observe_UsageProfileOverFourHours_FollowsTheProfile(UsageProfile profile, long atStart, long afterFourHours)
    {
        var adapter = new SandboxAdapter(new SandboxCloud(SandboxPresets.ProvinceX86(), _time), _time);
        var grant = (await adapter.ApplyGrantAsync(Spec("a", ResourceVector.Of(100, 100), profile), default)).Unwrap();

        _time.Advance(TimeSpan.FromHours(4));
        var later = (await adapter.ObserveGrantAsync(new GrantRef("a", Tenant), default)).Unwrap();

        Assert.Equal(atStart, grant.Used[ResourceNames.Vcpu]);
        Assert.Equal(afterFourHours, later.Used[ResourceNames.Vcpu]);
    }

    [Fact]
    public void Used_BurstyOverManySpells_HasQuietAndBusySpells()
    {
        var shares = Enumerable.Range(0, 40)
            .Select(i => UsageSimulator.Used(ResourceVector.Of(100, 0), UsageProfile.Bursty, TimeSpan.FromMinutes(10 * i), seed: 7)[ResourceNames.Vcpu])
            .ToHashSet();

        Assert.Equal(new HashSet<long> { 20, 95 }, shares);
    }

    [Fact]
    public async Task Calls_WithLatency_CompleteOnlyWhenTheClockHasAdvanced()
    {
        var options = SandboxPresets.ProvinceX86() with { Latency = TimeSpan.FromSeconds(2) };
        var adapter = new SandboxAdapter(new SandboxCloud(options, _time), _time);

        var call = adapter.CheckHealthAsync(default);
        Assert.False(call.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.True((await call).Succeeded);
    }

    [Fact]
    public async Task Calls_WithFailureRate_FailAboutThatShareAsRetryable()
    {
        var options = SandboxPresets.ProvinceX86() with { FailureRate = 0.5, Seed = 42 };
        var adapter = new SandboxAdapter(new SandboxCloud(options, _time), _time);

        var results = new List<AdapterResult<CloudHealth>>();
        for (var i = 0; i < 1000; i++)
        {
            results.Add(await adapter.CheckHealthAsync(default));
        }

        var failed = results.Count(r => !r.Succeeded);
        Assert.InRange(failed, 430, 570);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.True(r.Error!.Retryable));
    }

    [Fact]
    public async Task ApplyGrant_FillingZones_PlacesInTheZoneWithMostRoomThenRefuses()
    {
        var adapter = new SandboxAdapter(new SandboxCloud(SandboxPresets.XinchuangArm(), _time), _time);

        var first = (await adapter.ApplyGrantAsync(Spec("1", ResourceVector.Of(1000, 0), UsageProfile.Steady), default)).Unwrap();
        var second = (await adapter.ApplyGrantAsync(Spec("2", ResourceVector.Of(1000, 0), UsageProfile.Steady), default)).Unwrap();
        var third = await adapter.ApplyGrantAsync(Spec("3", ResourceVector.Of(100, 0), UsageProfile.Steady), default);

        Assert.NotEqual(first.Zone, second.Zone);
        Assert.Equal(AdapterErrorKind.InsufficientCapacity, third.Error?.Kind);
    }

    [Fact]
    public async Task ApplyGrant_AfterReleaseAndResize_RoomIsWhatTheRemainingGrantsLeave()
    {
        var adapter = new SandboxAdapter(new SandboxCloud(SandboxPresets.XinchuangArm(), _time), _time); // two zones of 1,024 vCPU
        (await adapter.ApplyGrantAsync(Spec("1", ResourceVector.Of(1000, 0), UsageProfile.Steady), default)).Unwrap();
        (await adapter.ApplyGrantAsync(Spec("2", ResourceVector.Of(1000, 0), UsageProfile.Steady), default)).Unwrap();

        await adapter.ReleaseGrantAsync(new GrantRef("1", Tenant), default);
        var takesTheFreedRoom = await adapter.ApplyGrantAsync(Spec("3", ResourceVector.Of(1020, 0), UsageProfile.Steady), default);
        var growsWithinItsOwnZone = await adapter.ResizeGrantAsync(Spec("2", ResourceVector.Of(1024, 0), UsageProfile.Steady), default);
        var nothingLeft = await adapter.ApplyGrantAsync(Spec("4", ResourceVector.Of(5, 0), UsageProfile.Steady), default);

        Assert.True(takesTheFreedRoom.Succeeded);
        Assert.True(growsWithinItsOwnZone.Succeeded); // its own 1,000 count as free for itself
        Assert.Equal(AdapterErrorKind.InsufficientCapacity, nothingLeft.Error?.Kind);
        Assert.Equal(ResourceVector.Of(1024, 0), (await adapter.ObserveGrantAsync(new GrantRef("2", Tenant), default)).Unwrap().Granted);
    }

    [Fact]
    public async Task Create_CapacitySetting_OneZoneOfThatCapacityThatRunsOutOfRoom()
    {
        var adapter = new SandboxAdapterFactory(_time).Create(Connection("capacity", "vcpu=10,memoryGiB=40"));

        var capacity = (await adapter.DescribeCapacityAsync(default)).Unwrap();
        (await adapter.ApplyGrantAsync(Spec("a", ResourceVector.Of(8, 16), UsageProfile.Steady), default)).Unwrap();
        var over = await adapter.ApplyGrantAsync(Spec("b", ResourceVector.Of(4, 8), UsageProfile.Steady), default);

        Assert.Equal(ResourceVector.Of(10, 40), Assert.Single(capacity.Slices).Capacity);
        Assert.Equal(AdapterErrorKind.InsufficientCapacity, over.Error?.Kind);
    }

    [Theory]
    [InlineData("vcpu")]
    [InlineData("vcpu=-1")]
    [InlineData("vcpu=1,vcpu=2")]
    [InlineData("=4")]
    public async Task Create_BadCapacitySetting_RefusedAtRegistrationAndAnAdapterThatSaysWhy(string capacity)
    {
        var factory = new SandboxAdapterFactory(_time);
        var connection = Connection("bad-" + capacity.Length, capacity);

        var problems = factory.Validate(connection);
        var result = await factory.Create(connection).DescribeCapacityAsync(default);

        Assert.Equal("settings.capacity", Assert.Single(problems).Field);
        Assert.Equal(AdapterErrorKind.Invalid, result.Error?.Kind);
        Assert.Contains("capacity", result.Error!.Message, StringComparison.Ordinal);
    }

    private static CloudConnection Connection(string id, string capacity) =>
        new(id, SandboxAdapter.KindName, null, "anhui", null, new Dictionary<string, string> { ["capacity"] = capacity });
}
