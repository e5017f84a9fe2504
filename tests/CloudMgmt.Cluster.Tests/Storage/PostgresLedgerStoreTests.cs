using System.Text;
using CloudMgmt.Cluster.Tests.Infrastructure;
using CloudMgmt.Storage.Postgres.Ledger;

namespace CloudMgmt.Cluster.Tests.Storage;

/// <summary>The <see cref="Grains.Persistence.ILedgerStore"/> contract, as the SQLite store keeps it, on PostgreSQL.</summary>
public sealed class PostgresLedgerStoreTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>
{
    private readonly PostgresLedgerStore _store = new(db.DataSource);

    /// <summary>This test's own ledger names: the tests of the class share one database.</summary>
    private readonly string _prefix = Guid.NewGuid().ToString("N")[..8] + ":";

    private static byte[] B(string text) => Encoding.UTF8.GetBytes(text);

    private static KeyValuePair<string, byte[]?> Set(string key, string? value) => new(key, value is null ? null : B(value));

    private async Task<Dictionary<string, string>> ReadAsync(string ledger) =>
        (await _store.ReadAsync(ledger)).ToDictionary(r => r.Key, r => Encoding.UTF8.GetString(r.Value));

    [Fact]
    public async Task Read_UnknownLedger_IsEmpty() => Assert.Empty(await _store.ReadAsync(_prefix + "pool/none"));

    [Fact]
    public async Task Write_UpsertsThenRead_ReturnsLatestPayloadPerKey()
    {
        await _store.WriteAsync(_prefix + "pool/a", [Set("x", "1"), Set("y", "2")]);
        await _store.WriteAsync(_prefix + "pool/a", [Set("x", "3")]);

        Assert.Equal(new Dictionary<string, string> { ["x"] = "3", ["y"] = "2" }, await ReadAsync(_prefix + "pool/a"));
    }

    [Fact]
    public async Task Write_NullPayload_DeletesTheRowOnly()
    {
        await _store.WriteAsync(_prefix + "pool/a", [Set("x", "1"), Set("y", "2")]);
        await _store.WriteAsync(_prefix + "pool/a", [Set("x", null), Set("z", "3"), Set("missing", null)]);

        Assert.Equal(new Dictionary<string, string> { ["y"] = "2", ["z"] = "3" }, await ReadAsync(_prefix + "pool/a"));
    }

    [Fact]
    public async Task Write_SameKeyInTwoLedgers_KeepsThemApart()
    {
        await _store.WriteAsync(_prefix + "pool/a", [Set("k", "a")]);
        await _store.WriteAsync(_prefix + "tenant/b", [Set("k", "b")]);
        await _store.WriteAsync(_prefix + "pool/a", [Set("k", null)]);

        Assert.Empty(await ReadAsync(_prefix + "pool/a"));
        Assert.Equal("b", (await ReadAsync(_prefix + "tenant/b"))["k"]);
    }

    [Fact]
    public async Task ReadPage_KeysWithCaseAndPunctuation_OrdinalOrderFromAfter()
    {
        await _store.WriteAsync(_prefix + "tenant/a", [Set("ab", "1"), Set("a_", "2"), Set("B", "3"), Set("a-b", "4"), Set("a0", "5")]);

        var first = await _store.ReadPageAsync(_prefix + "tenant/a", null, 2);
        var rest = await _store.ReadPageAsync(_prefix + "tenant/a", "a-b", 10);

        // Ordinal (byte) order, as the API pages: not the database's language collation.
        Assert.Equal(["B", "a-b"], first.Select(r => r.Key));
        Assert.Equal(["a0", "a_", "ab"], rest.Select(r => r.Key));
        Assert.Equal("5", Encoding.UTF8.GetString(rest[0].Value));
    }

    [Fact]
    public async Task ReadRow_OneKey_ItsPayloadOrNull()
    {
        await _store.WriteAsync(_prefix + "tenant/a", [Set("x", "1"), Set("y", "2")]);

        Assert.Equal("2", Encoding.UTF8.GetString((await _store.ReadRowAsync(_prefix + "tenant/a", "y"))!));
        Assert.Null(await _store.ReadRowAsync(_prefix + "tenant/a", "z"));
        Assert.Null(await _store.ReadRowAsync(_prefix + "tenant/b", "x"));
    }

    [Fact]
    public async Task Write_EmptyChangeSet_ChangesNothing()
    {
        await _store.WriteAsync(_prefix + "pool/a", [Set("k", "1")]);
        await _store.WriteAsync(_prefix + "pool/a", []);

        Assert.Single(await ReadAsync(_prefix + "pool/a"));
    }

    [Fact]
    public async Task Write_ManyRowsAndBinaryPayloads_RoundTripExactly()
    {
        var rows = Enumerable.Range(0, 2000).Select(i => new KeyValuePair<string, byte[]?>($"alloc-{i}", [(byte)(i % 256), 0, 255, (byte)(i / 256)])).ToList();
        await _store.WriteAsync(_prefix + "pool/root", rows);

        var read = (await _store.ReadAsync(_prefix + "pool/root")).ToDictionary(r => r.Key, r => r.Value);
        Assert.Equal(2000, read.Count);
        Assert.All(rows, r => Assert.Equal(r.Value, read[r.Key]));
    }

    [Fact]
    public async Task Write_FailingStatement_ChangesNothing()
    {
        await _store.WriteAsync(_prefix + "pool/a", [Set("keep", "1")]);
        // A NUL character is not storable in PostgreSQL text: the delete fails, so the upsert before it must not stay.
        await Assert.ThrowsAnyAsync<Exception>(() => _store.WriteAsync(_prefix + "pool/a", [Set("new", "2"), Set("bad\0key", null)]));

        Assert.Equal(new Dictionary<string, string> { ["keep"] = "1" }, await ReadAsync(_prefix + "pool/a"));
    }

    [Fact]
    public async Task Write_ConcurrentWritersToDistinctLedgers_AllDurable()
    {
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => _store.WriteAsync($"{_prefix}pool/p{i}", [Set("r", $"v{i}")])));

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal($"v{i}", (await ReadAsync($"{_prefix}pool/p{i}"))["r"]);
        }
    }
}
