using Orleans.Runtime;
using Orleans.Storage;

namespace CloudMgmt.Storage.Sqlite.Tests;

/// <summary>
/// The grain storage contract (what Orleans.Persistence.TestKit checks, which is not served here):
/// round trip, optimistic concurrency by ETag, clear, durability across reopen, concurrency.
/// </summary>
public sealed class SqliteGrainStorageConformanceTests : IAsyncLifetime
{
    private readonly StorageFixture _fixture = new();
    private SqliteGrainStorage _storage = null!;

    public async Task InitializeAsync() => _storage = await _fixture.OpenAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    private static GrainId Grain(string key) => GrainId.Create("sample", key);

    private static GrainState<SampleState> Sample(string name) =>
        new(new SampleState { Name = name, Amounts = { ["vcpu"] = 4, ["memoryGiB"] = 16 }, History = { "created" } });

    [Fact]
    public async Task ReadState_Missing_RecordDoesNotExist()
    {
        var state = new GrainState<SampleState>(new SampleState());
        await _storage.ReadStateAsync("s", Grain("none"), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
    }

    [Fact]
    public async Task WriteThenRead_RoundTripsStateAndETag()
    {
        var written = Sample("one");
        await _storage.WriteStateAsync("s", Grain("a"), written);

        var read = new GrainState<SampleState>(new SampleState());
        await _storage.ReadStateAsync("s", Grain("a"), read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("one", read.State!.Name);
        Assert.Equal(16, read.State!.Amounts["memoryGiB"]);
        Assert.Equal(["created"], read.State!.History);
    }

    [Fact]
    public async Task Write_StaleETag_ThrowsInconsistentStateAndKeepsStoredState()
    {
        var first = Sample("first");
        await _storage.WriteStateAsync("s", Grain("b"), first);
        var stale = Sample("stale");
        stale.ETag = first.ETag;
        first.State!.Name = "second";
        await _storage.WriteStateAsync("s", Grain("b"), first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("s", Grain("b"), stale));

        var read = new GrainState<SampleState>(new SampleState());
        await _storage.ReadStateAsync("s", Grain("b"), read);
        Assert.Equal("second", read.State!.Name);
    }

    [Fact]
    public async Task Write_FirstWriteWithETag_ThrowsInconsistentState()
    {
        var state = Sample("x");
        state.ETag = "7";
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("s", Grain("c"), state));
    }

    [Fact]
    public async Task Clear_ThenReadAndWriteAgain_BehavesAsNewAndResetsState()
    {
        var state = Sample("x");
        await _storage.WriteStateAsync("s", Grain("d"), state);
        await _storage.ClearStateAsync("s", Grain("d"), state);
        var read = new GrainState<SampleState>(new SampleState { Name = "left over" });
        await _storage.ReadStateAsync("s", Grain("d"), read);

        Assert.False(state.RecordExists);
        Assert.Equal("", state.State!.Name);
        Assert.False(read.RecordExists);
        Assert.Equal("", read.State!.Name);
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
        var read = new GrainState<SampleState>(new SampleState());
        await _storage.ReadStateAsync("s", Grain("tomb"), read);
        Assert.Equal("after", read.State!.Name);
    }

    [Fact]
    public async Task Write_ETagNotIssuedByThisStorage_IsAConflict()
    {
        var state = Sample("x");
        state.ETag = "W/\"not-a-version\"";
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("s", Grain("foreign"), state));
    }

    [Fact]
    public async Task StateName_SeparatesStatesOfOneGrain()
    {
        await _storage.WriteStateAsync("left", Grain("e"), Sample("left"));
        await _storage.WriteStateAsync("right", Grain("e"), Sample("right"));
        var read = new GrainState<SampleState>(new SampleState());
        await _storage.ReadStateAsync("left", Grain("e"), read);

        Assert.Equal("left", read.State!.Name);
    }

    [Fact]
    public async Task Reopen_AfterAcknowledgedWrites_SeesEveryWrite()
    {
        var writes = Enumerable.Range(0, 200).Select(i => _storage.WriteStateAsync("s", Grain($"r{i}"), Sample($"n{i}"))).ToList();
        await Task.WhenAll(writes);
        await _fixture.CloseAsync(_storage);

        var reopened = await _fixture.OpenAsync();
        for (var i = 0; i < 200; i++)
        {
            var read = new GrainState<SampleState>(new SampleState());
            await reopened.ReadStateAsync("s", Grain($"r{i}"), read);
            Assert.Equal($"n{i}", read.State!.Name);
        }
    }

    [Fact]
    public async Task Write_1000ConcurrentDistinctGrains_AllSucceedInFewBatches()
    {
        var states = Enumerable.Range(0, 1000).Select(i => (Id: Grain($"c{i}"), State: Sample($"v{i}"))).ToList();
        await Task.WhenAll(states.Select(s => _storage.WriteStateAsync("s", s.Id, s.State)));

        foreach (var (id, state) in states)
        {
            var read = new GrainState<SampleState>(new SampleState());
            await _storage.ReadStateAsync("s", id, read);
            Assert.Equal(state.State!.Name, read.State!.Name);
            Assert.Equal("1", read.ETag);
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
    public async Task Write_AfterStop_FailsClearly()
    {
        await _fixture.CloseAsync(_storage);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _storage.WriteStateAsync("s", Grain("late"), Sample("late")));
        Assert.Contains("stopped", error.Message);
    }
}
