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

    /// <summary>Upserts rows with a payload and deletes rows with a null one, atomically. Durable when it completes.</summary>
    Task WriteAsync(string ledger, IReadOnlyCollection<KeyValuePair<string, byte[]?>> changes);
}
