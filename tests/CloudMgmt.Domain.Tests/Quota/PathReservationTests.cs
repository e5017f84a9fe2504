using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Domain.Tests.Support;

namespace CloudMgmt.Domain.Tests.Quota;

/// <summary>The protocol alone, against scripted levels that pass everything up or refuse.</summary>
public sealed class PathReservationTests
{
    private readonly List<(int Level, ResourceVector Amount)> _calls = [];
    private readonly List<(int Level, LedgerEntry? Previous)> _restores = [];

    private RestoreAtLevel Record => (level, previous) =>
    {
        _restores.Add((level, previous));
        return ValueTask.CompletedTask;
    };

    /// <summary>Each level passes the whole amount up, except <paramref name="refuseAt"/> which refuses.</summary>
    private SetAtLevel PassUp(int refuseAt = -1, int depth = int.MaxValue) => (level, amount) =>
    {
        _calls.Add((level, amount));
        return ValueTask.FromResult(level == refuseAt && !amount.IsZero
            ? LedgerResult.Refuse([new Shortfall($"p{level}", ResourceNames.Vcpu, amount[ResourceNames.Vcpu], 0)])
            : LedgerResult.Accept(level == depth - 1 ? ResourceVector.Zero : amount, new LedgerEntry(Vec.Cpu(level), ResourceVector.Zero)));
    };

    [Fact]
    public async Task SetAsync_AllLevelsAccept_ReachesTheLastLevelThatHoldsSomething()
    {
        var outcome = await PathReservation.SetAsync(4, Vec.Cpu(3), 0, PassUp(depth: 4), Record);

        Assert.True(outcome.Accepted);
        Assert.Equal(4, outcome.Reach);
        Assert.Equal([0, 1, 2, 3], _calls.Select(c => c.Level));
    }

    [Fact]
    public async Task SetAsync_RefusedAtLevel2_RestoresExactPreviousEntriesBelowTopDown()
    {
        var outcome = await PathReservation.SetAsync(4, Vec.Cpu(3), 0, PassUp(refuseAt: 2, depth: 4), Record);

        Assert.False(outcome.Accepted);
        Assert.Equal(0, outcome.Reach);
        Assert.Equal("p2", Assert.Single(outcome.Shortfalls).PoolId);
        Assert.Equal([(0, Vec.Cpu(3)), (1, Vec.Cpu(3)), (2, Vec.Cpu(3))], _calls);
        Assert.Equal([1, 0], _restores.Select(r => r.Level));
        Assert.Equal([Vec.Cpu(1), Vec.Cpu(0)], _restores.Select(r => r.Previous!.Local));
    }

    [Fact]
    public async Task SetAsync_RootSpills_Throws() =>
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await PathReservation.SetAsync(2, Vec.Cpu(1), 0, PassUp(), Record));

    [Fact]
    public async Task SetAsync_ShrinkToZero_VisitsEveryLevelThatHeldAnEntry()
    {
        var outcome = await PathReservation.SetAsync(5, ResourceVector.Zero, 3, PassUp(depth: 5), Record);

        Assert.True(outcome.Accepted);
        Assert.Equal(0, outcome.Reach);
        Assert.Equal([0, 1, 2], _calls.Select(c => c.Level));
    }
}
