using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Clouds;

namespace CloudMgmt.Grains.Tests.Infrastructure;

/// <summary>Registers a healthy sandbox cloud with one zone, as the reconciler would have seen it.</summary>
public static class TestClouds
{
    public static async Task<ICloudGrain> RegisterAsync(IGrainFactory grains, string id, ResourceVector capacity, string region = "r1")
    {
        var cloud = grains.GetGrain<ICloudGrain>(id);
        var labels = new Dictionary<string, string> { ["securityLevel"] = "3" }; // the default placement policy asks for level 2 at least
        Assert.True((await cloud.Register(new CloudSpec(id, "sandbox", region, labels, null, null, new Dictionary<string, string>()))).Succeeded);
        await cloud.RecordInventory(new CloudInventory([new ZoneCapacity("z1", "x86_64", capacity)], ResourceVector.Zero,
            ResourceVector.Zero, 0, true, "ok", DateTimeOffset.UtcNow));
        return cloud;
    }
}
