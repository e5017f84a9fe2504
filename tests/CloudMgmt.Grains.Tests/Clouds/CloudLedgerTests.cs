using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains.Tests.Infrastructure;

namespace CloudMgmt.Grains.Tests.Clouds;

/// <summary>
/// The cloud's ledger of desired grants. Its ledger calls interleave (every admission placed on the
/// cloud holds room there), so these tests race them and check that room is never overcommitted.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CloudLedgerTests(ClusterFixture fixture) : IAsyncLifetime
{
    private readonly List<ICloudGrain> _clouds = [];

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>
    /// Removes this test's clouds: the cluster is shared, and a registered cloud would take part in
    /// the placement of every other test's allocations.
    /// </summary>
    public async Task DisposeAsync()
    {
        foreach (var cloud in _clouds)
        {
            foreach (var grant in await cloud.GetDesired())
            {
                await cloud.Unreserve(grant.AllocationId);
            }

            Assert.True((await cloud.Remove()).Succeeded);
        }
    }

    private static ResourceVector Cpu(long n) => ResourceVector.Of(("vcpu", n));

    private async Task<ICloudGrain> CloudWithCapacityAsync(long vcpu)
    {
        var cloud = await TestClouds.RegisterAsync(fixture.Grains, "cloud-" + Guid.NewGuid().ToString("N")[..12], Cpu(vcpu));
        _clouds.Add(cloud);
        return cloud;
    }

    private static DesiredGrant Grant(string id, long vcpu) => new(id, "tenant", "pool", Cpu(vcpu), Releasing: false);

    [Fact]
    public async Task Reserve_300Racing_HoldsExactlyWhatFitsAndCountsIt()
    {
        var cloud = await CloudWithCapacityAsync(100);

        var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => cloud.Reserve(Grant($"a{i}", 3))));

        var held = await cloud.GetDesired();
        Assert.Equal(33, results.Count(r => r.Succeeded)); // 33 × 3 = 99 ≤ 100 < 34 × 3
        Assert.Equal(33, held.Count);
        Assert.Equal(Cpu(99), (await cloud.Get())!.Reserved);
    }

    [Fact]
    public async Task ReserveResizeUnreserve_Racing_ReservedStaysTheSumOfWhatIsHeld()
    {
        var cloud = await CloudWithCapacityAsync(1_000);
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => cloud.Reserve(Grant($"g{i}", 5))));

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => (i % 3) switch
        {
            0 => cloud.Unreserve($"g{i}"),
            1 => cloud.Resize($"g{i}", Cpu(9)),
            _ => cloud.Reserve(Grant($"n{i}", 2)),
        }));

        var held = await cloud.GetDesired();
        var sum = held.Aggregate(ResourceVector.Zero, (s, g) => s + g.Resources);
        Assert.Equal(sum, (await cloud.Get())!.Reserved);
        Assert.Equal(Cpu((33 * 9) + (33 * 5) + (33 * 2)), sum); // 34 released, 33 grown to 9, 33 untouched at 5, 33 new of 2
    }

    [Fact]
    public async Task Reserve_AfterReactivation_SeesTheRoomAlreadyHeld()
    {
        var cloud = await CloudWithCapacityAsync(10);
        Assert.True((await cloud.Reserve(Grant("first", 8))).Succeeded);

        // Every idle activation goes; the cloud comes back from its stored rows on the next call.
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.False((await cloud.Reserve(Grant("second", 3))).Succeeded);
        Assert.Equal(Cpu(8), (await cloud.Get())!.Reserved);
    }
}
