using System.Text.Json;
using System.Text.Json.Nodes;
using CloudMgmt.Domain.Allocations;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Allocations;
using CloudMgmt.Grains.Tests.Infrastructure;
using CloudMgmt.Policies.Model;
using Orleans.Providers;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using Xunit.Abstractions;
using static CloudMgmt.Grains.Tests.Infrastructure.TreeSetup;

namespace CloudMgmt.Grains.Tests.Allocations;

/// <summary>An allocation keeps a bounded decision, whatever the number of clouds; the complete table is computed on demand.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BoundedDecisionTests(ClusterFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TreeSetup _tree = new(fixture.Grains);
    private readonly List<CloudMgmt.Grains.Clouds.ICloudGrain> _clouds = [];

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The cluster is shared: a registered cloud would take part in other tests' placements.</summary>
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

    /// <summary>A region of its own, so that the clouds other tests registered are refused by the region filter.</summary>
    private async Task<Dictionary<string, string>> CloudsAsync(int count)
    {
        var region = _tree.Id("region");
        for (var i = 0; i < count; i++)
        {
            // Capacity differs, so that the scores order the clouds: binpack prefers the smallest (cloud-000).
            _clouds.Add(await TestClouds.RegisterAsync(fixture.Grains, _tree.Id($"cloud-{i:D3}"), Cpu(100 + i), region));
        }

        await _tree.PoolAsync("dept", null, Cpu(1_000));
        await _tree.TenantAsync("tenant", "dept");
        return new Dictionary<string, string> { ["region"] = region };
    }

    private AllocationRequest Request(ResourceVector resources, Dictionary<string, string> constraints) =>
        new(_tree.Id("tenant"), resources, constraints, 0, "h");

    [Fact]
    public async Task Submit_WithAHundredClouds_KeepsTheChoiceTheNextThreeAndTheRefusalCounts()
    {
        var constraints = await CloudsAsync(100);

        var placed = await _tree.Allocation("a").Submit(Request(Cpu(4), constraints));

        Assert.Equal(AllocationStatus.Placed, placed.Value!.Status);
        var kept = JsonSerializer.Deserialize<PlacementDecision>(placed.Value.Decision.PlacementJson!, Json)!;
        Assert.False(kept.Complete);
        Assert.Equal(_tree.Id("cloud-000"), Assert.Single(kept.Shares).CloudId);
        Assert.Equal([_tree.Id("cloud-000"), _tree.Id("cloud-001"), _tree.Id("cloud-002"), _tree.Id("cloud-003")], kept.Clouds.Select(c => c.CloudId));
        Assert.True(kept.CloudsEvaluated >= 100);
        // Every cloud that is not ours (other tests') was refused by the region filter, and only those.
        Assert.Equal(kept.CloudsEvaluated - 100, kept.RefusedBy!.GetValueOrDefault("region"));
        Assert.True(placed.Value.Decision.PlacementJson!.Length < 1_500, $"{placed.Value.Decision.PlacementJson.Length} characters kept");

        // The whole stored record (history, shares, decision, ...) stays within the 2 KB issue 23 asks for.
        // Before, the record held the complete table instead (the figure for bench/README: run this test alone,
        // so that exactly 100 clouds are registered).
        var stored = await StoredBytesAsync(_tree.Allocation("a"));
        var complete = (await _tree.Allocation("a").ExplainPlacement())!;
        output.WriteLine($"{kept.CloudsEvaluated} clouds: {stored} bytes stored (decision {placed.Value.Decision.PlacementJson.Length}); " +
            $"with the complete table it would be {stored - placed.Value.Decision.PlacementJson.Length + complete.Length} bytes");
        Assert.True(stored <= 2_048, $"{stored} bytes stored");
    }

    private static async Task<long> StoredBytesAsync(IAllocationGrain allocation)
    {
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={ClusterFixture.DataFile}");
        await db.OpenAsync();
        await using var read = db.CreateCommand();
        read.CommandText = "SELECT length(payload) FROM grain_state WHERE key = $key";
        read.Parameters.AddWithValue("$key", $"allocation/{allocation.GetGrainId()}");
        return (long)(await read.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task ExplainPlacement_PlacedAllocation_EveryCloudWithItsOwnHoldCountedFree()
    {
        var constraints = await CloudsAsync(3);
        var allocation = _tree.Allocation("explained");
        await allocation.Submit(Request(Cpu(102), constraints)); // only cloud-002 (102 vcpu) can hold it, and then it is full

        var explained = JsonSerializer.Deserialize<PlacementDecision>((await allocation.ExplainPlacement())!, Json)!;

        Assert.True(explained.Complete);
        Assert.Equal(explained.CloudsEvaluated, explained.Clouds.Count);
        Assert.Equal(_tree.Id("cloud-002"), Assert.Single(explained.Shares).CloudId); // its own 102 vcpu do not make it look full
        Assert.Contains(explained.Clouds, c => c.CloudId == _tree.Id("cloud-000") && c.Verdicts.Any(v => v is { Filter: "capacity", Passed: false }));
    }

    /// <summary>
    /// An allocation stored before decisions were bounded holds every cloud's verdicts (and none of the
    /// new fields). It loads, answers with the bounded form of the same choice, and goes on (a release starts).
    /// </summary>
    [Fact]
    public async Task Activation_RecordWithTheCompleteTableOfOldVersions_AnswersBoundedAndReleases()
    {
        var constraints = await CloudsAsync(6);
        var allocation = _tree.Allocation("old");
        var placed = await allocation.Submit(Request(Cpu(4), constraints));
        var oldShape = JsonNode.Parse((await allocation.ExplainPlacement())!)!.AsObject();
        foreach (var added in new[] { "cloudsEvaluated", "refusedBy", "complete" })
        {
            Assert.True(oldShape.Remove(added));
        }

        Assert.Equal(placed.Value!.Decision.PlacementJson is { } j ? ShareOf(j) : null, ShareOf(oldShape.ToJsonString()));
        await RewriteStoredPlacementAsync(allocation, oldShape.ToJsonString());

        var read = (await allocation.Get())!;

        var kept = JsonSerializer.Deserialize<PlacementDecision>(read.Decision.PlacementJson!, Json)!;
        Assert.False(kept.Complete);
        Assert.Equal(_tree.Id("cloud-000"), Assert.Single(kept.Shares).CloudId);
        Assert.Equal(4, kept.Clouds.Count);
        Assert.True(kept.CloudsEvaluated >= 6);
        var released = await allocation.Release("key:test");
        Assert.True(released.Succeeded, released.Failure?.Detail);
        Assert.Equal(AllocationStatus.Releasing, released.Value!.Status); // its grant is removed by the reconciler next
    }

    private static string? ShareOf(string json) => JsonNode.Parse(json)!["shares"]![0]!["cloudId"]!.GetValue<string>();

    /// <summary>Writes the allocation's record as an older version left it, with no activation in memory.</summary>
    private async Task RewriteStoredPlacementAsync(IAllocationGrain allocation, string placementJson)
    {
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        var storage = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services
            .GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var id = allocation.GetGrainId();
        var stored = new GrainState<AllocationState>(new AllocationState());
        await storage.ReadStateAsync("allocation", id, stored);
        Assert.True(stored.RecordExists);
        stored.State!.Placement = placementJson;
        await storage.WriteStateAsync("allocation", id, stored);
        Assert.Equal(0, (await management.GetDetailedGrainStatistics()).Count(s => s.GrainId == id));
    }
}
