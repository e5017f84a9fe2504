namespace CloudMgmt.Grains.Persistence;

/// <summary>
/// Row-wise storage for the states that grow with the number of allocations: a pool's reservations
/// and a tenant's allocation index. Grain storage writes a whole state at a time, which would make
/// every admission cost as much as the number of reservations the province root holds; here a
/// change writes only the rows it touches.
/// </summary>
public interface ILedgerStore
{
    /// <summary>Every row of one ledger, by row key.</summary>
    Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ReadAsync(string ledger);

    /// <summary>
    /// At most <paramref name="limit"/> rows of one ledger whose keys come after <paramref name="after"/>
    /// (all when null), in ordinal key order: read through the key index, so a page costs its size,
    /// not the ledger's.
    /// </summary>
    Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ReadPageAsync(string ledger, string? after, int limit);

    /// <summary>One row's payload, or null when the ledger has no such row.</summary>
    Task<byte[]?> ReadRowAsync(string ledger, string key);

    /// <summary>Upserts rows with a payload and deletes rows with a null one, atomically. Durable when it completes.</summary>
    Task WriteAsync(string ledger, IReadOnlyCollection<KeyValuePair<string, byte[]?>> changes);
}
