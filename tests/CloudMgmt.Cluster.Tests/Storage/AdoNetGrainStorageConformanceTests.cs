using CloudMgmt.Cluster.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace CloudMgmt.Cluster.Tests.Storage;

/// <summary>
/// The grain storage checks the SQLite provider passes (round trip, ETag conflicts, clear as a
/// tombstone, re-read, racing writers), run against the Orleans ADO.NET provider on our PostgreSQL
/// schema and query texts.
/// </summary>
public sealed class AdoNetGrainStorageConformanceTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    private readonly TestDatabase _db = db.Database;

    /// <summary>This test's own grain keys: the tests of the class share one database.</summary>
    private readonly string _prefix = Guid.NewGuid().ToString("N")[..8] + "-";
    private IGrainStorage _storage = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync() => (_storage, _services) = await AdoNetStorageHarness.StartAsync(_db.ConnectionString);

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private GrainId Grain(string key) => GrainId.Create("sample", _prefix + key);

    private static GrainState<Dictionary<string, string>> Sample(string name) => new(new() { ["name"] = name, ["vcpu"] = "4" });

    private async Task<GrainState<Dictionary<string, string>>> ReadAsync(string stateName, string key)
    {
        var read = new GrainState<Dictionary<string, string>>(new() { ["left"] = "over" });
        await _storage.ReadStateAsync(stateName, Grain(key), read);
        return read;
    }

    [Fact]
    public async Task ReadState_Missing_RecordDoesNotExist()
    {
        var state = await ReadAsync("s", "none");

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
    }

    [Fact]
    public async Task WriteThenRead_RoundTripsStateAndETag()
    {
        var written = Sample("one");
        await _storage.WriteStateAsync("s", Grain("a"), written);

        var read = await ReadAsync("s", "a");
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("one", read.State!["name"]);
    }

    [Fact]
    public async Task Write_StaleETag_ThrowsInconsistentStateAndKeepsStoredState()
    {
        var first = Sample("first");
        await _storage.WriteStateAsync("s", Grain("b"), first);
        var stale = Sample("stale");
        stale.ETag = first.ETag;
        first.State!["name"] = "second";
        await _storage.WriteStateAsync("s", Grain("b"), first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("s", Grain("b"), stale));
        Assert.Equal("second", (await ReadAsync("s", "b")).State!["name"]);
    }

    [Fact]
    public async Task Write_FirstWriteWithETag_ThrowsInconsistentState()
    {
        var state = Sample("x");
        state.ETag = "7";
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("s", Grain("c"), state));
    }

    [Fact]
    public async Task Write_NoETagWhenARecordExists_ThrowsInconsistentState()
    {
        await _storage.WriteStateAsync("s", Grain("twice"), Sample("first"));
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("s", Grain("twice"), Sample("second activation")));
        Assert.Equal("first", (await ReadAsync("s", "twice")).State!["name"]);
    }

    [Fact]
    public async Task Clear_ThenReadAndWriteAgain_BehavesAsNewAndResetsState()
    {
        var state = Sample("x");
        await _storage.WriteStateAsync("s", Grain("d"), state);
        await _storage.ClearStateAsync("s", Grain("d"), state);
        var read = await ReadAsync("s", "d");

        Assert.False(state.RecordExists);
        Assert.Empty(state.State!);
        Assert.Empty(read.State!);
        Assert.Equal(state.ETag, read.ETag);
        await _storage.WriteStateAsync("s", Grain("d"), read);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task Write_WithETagFromBeforeAClear_FailsInsteadOfOverwriting()
    {
        var before = Sample("before");
        await _storage.WriteStateAsync("s", Grain("tomb"), before);
        var stale = Sample("stale");
        stale.ETag = before.ETag;
        await _storage.ClearStateAsync("s", Grain("tomb"), before);
        var after = Sample("after");
        after.ETag = before.ETag;
        await _storage.WriteStateAsync("s", Grain("tomb"), after);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("s", Grain("tomb"), stale));
        Assert.Equal("after", (await ReadAsync("s", "tomb")).State!["name"]);
    }

    [Fact]
    public async Task StateName_SeparatesStatesOfOneGrain()
    {
        await _storage.WriteStateAsync("left", Grain("e"), Sample("left"));
        await _storage.WriteStateAsync("right", Grain("e"), Sample("right"));

        Assert.Equal("left", (await ReadAsync("left", "e")).State!["name"]);
    }

    [Fact]
    public async Task Reopen_AfterAcknowledgedWrites_SeesEveryWrite()
    {
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => _storage.WriteStateAsync("s", Grain($"r{i}"), Sample($"n{i}"))));
        await _services.DisposeAsync();

        (_storage, _services) = await AdoNetStorageHarness.StartAsync(_db.ConnectionString);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal($"n{i}", (await ReadAsync("s", $"r{i}")).State!["name"]);
        }
    }

    [Fact]
    public async Task Write_ConcurrentWritersWithSameETag_ExactlyOneWins()
    {
        var seed = Sample("seed");
        await _storage.WriteStateAsync("s", Grain("race"), seed);
        var racers = Enumerable.Range(0, 20).Select(i =>
        {
            var s = Sample($"racer{i}");
            s.ETag = seed.ETag;
            return s;
        }).ToList();

        var results = await Task.WhenAll(racers.Select(async r =>
        {
            try
            {
                await _storage.WriteStateAsync("s", Grain("race"), r);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Equal(1, results.Count(won => won));
    }

    [Fact]
    public async Task Write_ConcurrentFirstWritesOfOneGrain_ExactlyOneWins()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            try
            {
                await _storage.WriteStateAsync("s", Grain("first-race"), Sample($"racer{i}"));
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Equal(1, results.Count(won => won));
        Assert.Equal(1L, await _db.ScalarAsync<long>($"SELECT count(*) FROM OrleansStorage WHERE GrainIdExtensionString = '{_prefix}first-race'"));
    }
}
