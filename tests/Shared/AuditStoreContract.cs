using CloudMgmt.Domain.Audit;
using CloudMgmt.Grains.Persistence;

namespace CloudMgmt.Tests.Shared;

/// <summary>
/// What every audit store must do, run against each (SQLite here, PostgreSQL in the cluster tests):
/// one chain in the order stored, filters and paging, verification that finds a record changed or
/// deleted behind the controller's back, and pruning that leaves the rest verifiable.
/// Linked into both test projects, as Orleans' storage test kit is shared by its providers.
/// </summary>
public abstract class AuditStoreContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A store on a fresh, empty database.</summary>
    protected abstract Task<IAuditStore> StoreAsync();

    /// <summary>Another store on the same database, as another node (or the same node after a restart) would open it.</summary>
    protected abstract Task<IAuditStore> ReopenAsync();

    /// <summary>Runs SQL on the database directly, as someone with access to the files or the server could.</summary>
    protected abstract Task ExecuteAsync(string sql);

    /// <summary>The records table's name in this store.</summary>
    protected abstract string Records { get; }

    protected static AuditEntry Entry(int minute, string action = "pool.update", string? target = "pool:hefei", string actor = "key-1",
        AuditScope? scope = null, string? detail = "quota vcpu 10 → 20") =>
        new(T0.AddMinutes(minute).AddTicks(1234), new AuditActor("key", actor, "ops", "operator", null, null), "127.0.0.1", "req-" + minute,
            action, target, 200, detail, scope ?? AuditScope.Of(["province", "hefei"]));

    private static long[] Ids(params long[] ids) => ids;

    private static async Task<List<long>> AppendAsync(IAuditStore store, int count, int firstMinute = 0)
    {
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await store.AppendAsync(Entry(firstMinute + i)));
        }

        return ids;
    }

    [Fact]
    public async Task Append_InOrder_IdsCountUpAndEachRecordLinksToThePrevious()
    {
        var store = await StoreAsync();
        var ids = await AppendAsync(store, 5);

        var page = await store.QueryAsync(new AuditQuery(Limit: 10));

        Assert.Equal(Ids(1, 2, 3, 4, 5), ids);
        Assert.Equal(AuditChain.Genesis, page.Items[0].PrevHash);
        for (var i = 1; i < page.Items.Count; i++)
        {
            Assert.Equal(page.Items[i - 1].Hash, page.Items[i].PrevHash);
        }

        Assert.Equal(Entry(2).Normalized(), page.Items[2].Entry); // read back field for field, time to the millisecond
    }

    [Fact]
    public async Task Append_ManyAtOnce_OneChainThatVerifies()
    {
        var store = await StoreAsync();
        var other = await ReopenAsync(); // a second writer on the same database, as a second node

        var ids = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => (i % 2 == 0 ? store : other).AppendAsync(Entry(i))));
        var verification = await store.VerifyAsync();

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), ids.Order());
        Assert.True(verification.Valid, $"broken at {verification.FirstBroken}");
        Assert.Equal(200, verification.Records);
    }

    [Fact]
    public async Task Query_Filters_SelectByActorActionTargetTimeAndScope()
    {
        var store = await StoreAsync();
        await store.AppendAsync(Entry(0, "pool.create", "pool:feixi", scope: AuditScope.Of(["province", "hefei", "feixi"])));
        await store.AppendAsync(Entry(1, "allocation.create", "allocation:a1", actor: "key-2", scope: AuditScope.Of(["province", "hefei", "feixi"], "health")));
        await store.AppendAsync(Entry(2, "allocation.release", "allocation:a1", actor: "key-2", scope: AuditScope.Of(["province", "hefei", "feixi"], "health")));
        await store.AppendAsync(Entry(3, "pool.update", "pool:wuhu", scope: AuditScope.Of(["province", "wuhu"])));
        await store.AppendAsync(Entry(4, "cloud.register", "cloud:gov", scope: AuditScope.Global));

        async Task<long[]> Query(AuditQuery q) => [.. (await store.QueryAsync(q)).Items.Select(r => r.Id)];

        Assert.Equal(Ids(2, 3), await Query(new AuditQuery(Actor: "key:key-2")));
        Assert.Equal(Ids(2, 3), await Query(new AuditQuery(Actor: "key-2")));
        Assert.Equal(Ids(2, 3), await Query(new AuditQuery(Action: "allocation.*")));
        Assert.Equal(Ids(3), await Query(new AuditQuery(Action: "allocation.release")));
        Assert.Equal(Ids(2, 3), await Query(new AuditQuery(Target: "allocation:a1")));
        Assert.Equal(Ids(2, 3), await Query(new AuditQuery(From: T0.AddMinutes(1), To: T0.AddMinutes(3))));
        Assert.Equal(Ids(1, 2, 3), await Query(new AuditQuery(ScopePool: "hefei")));
        Assert.Equal(Ids(1, 2, 3), await Query(new AuditQuery(ScopePool: "feixi")));
        Assert.Equal(Ids(4), await Query(new AuditQuery(ScopePool: "wuhu")));
        Assert.Equal(Ids(2, 3), await Query(new AuditQuery(ScopeTenant: "health")));
        Assert.Empty(await Query(new AuditQuery(ScopePool: "hef"))); // whole pool ids only: "hef" is not "hefei"
    }

    [Fact]
    public async Task Query_Paging_WalksEveryRecordOnceWithTheCursor()
    {
        var store = await StoreAsync();
        await AppendAsync(store, 7);

        var seen = new List<long>();
        long? after = null;
        do
        {
            var page = await store.QueryAsync(new AuditQuery(After: after, Limit: 3));
            seen.AddRange(page.Items.Select(r => r.Id));
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(Ids(1, 2, 3, 4, 5, 6, 7), seen);
    }

    [Fact]
    public async Task Verify_Untouched_IsValid()
    {
        var store = await StoreAsync();
        await AppendAsync(store, 4);

        var verification = await store.VerifyAsync();

        Assert.Equal(new AuditVerification(true, 4, null, verification.LastHash), verification);
    }

    [Theory]
    [InlineData("detail = 'quota vcpu 10 → 10'")]
    [InlineData("outcome = 403")]
    [InlineData("actor_id = 'key-9'")]
    [InlineData("scope_path = '/'")]
    public async Task Verify_RecordChangedInTheDatabase_ReportsIt(string change)
    {
        var store = await StoreAsync();
        await AppendAsync(store, 5);

        await ExecuteAsync($"UPDATE {Records} SET {change} WHERE id = 3");
        var verification = await store.VerifyAsync();

        Assert.False(verification.Valid);
        Assert.Equal(3, verification.FirstBroken);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)] // the last one: the chain's head still names it
    [InlineData(1)]
    public async Task Verify_RecordDeletedInTheDatabase_ReportsTheMissingId(long id)
    {
        var store = await StoreAsync();
        await AppendAsync(store, 5);

        await ExecuteAsync($"DELETE FROM {Records} WHERE id = {id}");
        var verification = await store.VerifyAsync();

        Assert.False(verification.Valid);
        Assert.Equal(id, verification.FirstBroken);
    }

    [Fact]
    public async Task Prune_OlderRecords_RestStillVerifiesAndAppendsGoOn()
    {
        var store = await StoreAsync();
        await AppendAsync(store, 10);

        var deleted = await store.PruneAsync(T0.AddMinutes(6));
        var again = await store.PruneAsync(T0.AddMinutes(6));
        await store.AppendAsync(Entry(20));
        var verification = await store.VerifyAsync();
        var left = await store.QueryAsync(new AuditQuery(Limit: 100));

        Assert.Equal(6, deleted);
        Assert.Equal(0, again);
        Assert.True(verification.Valid, $"broken at {verification.FirstBroken}");
        Assert.Equal(5, verification.Records);
        Assert.Equal(Ids(7, 8, 9, 10, 11), left.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Prune_Everything_ChainGoesOnFromTheLastHash()
    {
        var store = await StoreAsync();
        await AppendAsync(store, 3);

        Assert.Equal(3, await store.PruneAsync(T0.AddDays(1)));
        Assert.True((await store.VerifyAsync()).Valid);
        Assert.Equal(4, await store.AppendAsync(Entry(30)));
        var verification = await store.VerifyAsync();

        Assert.True(verification.Valid, $"broken at {verification.FirstBroken}");
        Assert.Equal(1, verification.Records);
    }

    [Fact]
    public async Task Prune_ThenFirstKeptRecordDeleted_ReportsIt()
    {
        var store = await StoreAsync();
        await AppendAsync(store, 6);
        await store.PruneAsync(T0.AddMinutes(3));

        await ExecuteAsync($"DELETE FROM {Records} WHERE id = 4");
        var verification = await store.VerifyAsync();

        Assert.Equal(4, verification.FirstBroken);
    }

    [Fact]
    public async Task Append_ThenReopen_RecordsAndChainAreThere()
    {
        var store = await StoreAsync();
        await AppendAsync(store, 3);

        var reopened = await ReopenAsync();
        await reopened.AppendAsync(Entry(10));
        var verification = await reopened.VerifyAsync();

        Assert.True(verification.Valid);
        Assert.Equal(4, verification.Records);
    }
}
