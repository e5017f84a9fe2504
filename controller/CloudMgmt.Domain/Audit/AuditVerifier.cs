namespace CloudMgmt.Domain.Audit;

/// <summary>The answer of a verification: whether every record links, how many were read, and where the chain first breaks.</summary>
public sealed record AuditVerification(bool Valid, long Records, long? FirstBroken, string LastHash);

/// <summary>Where the stored chain starts (after pruning) and ends, as the store keeps it beside the records.</summary>
/// <param name="FirstId">The id the first remaining record must have.</param>
/// <param name="FirstPrevHash">The hash that record must link to (the last pruned record's, or <see cref="AuditChain.Genesis"/>).</param>
public sealed record AuditChainHead(long FirstId, string FirstPrevHash, long LastId, string LastHash)
{
    public static readonly AuditChainHead Empty = new(1, AuditChain.Genesis, 0, AuditChain.Genesis);
}

/// <summary>
/// Walks the records in id order from the chain's anchor: every id present, every record linking to
/// the one before, every hash matching the record's content, and the last one matching the head.
/// A deleted record shows as a missing id (that id is reported); a changed one as a hash that no
/// longer matches (its id, or the next one's if its hash was recomputed too).
/// </summary>
public sealed class AuditVerifier(AuditChainHead head)
{
    private long _expectedId = head.FirstId;
    private string _expectedPrev = head.FirstPrevHash;
    private long _records;

    public long? FirstBroken { get; private set; }

    /// <summary>Takes the next record; false once the chain is broken (nothing further needs reading).</summary>
    public bool Accept(AuditRecord record)
    {
        if (FirstBroken is not null || record.Id > head.LastId)
        {
            return FirstBroken is null; // appended after the head was read: not part of this verification
        }

        _records++;
        if (record.Id != _expectedId)
        {
            FirstBroken = Math.Min(record.Id, _expectedId);
            return false;
        }

        if (record.PrevHash != _expectedPrev || AuditChain.HashOf(record.Id, record.Entry, record.PrevHash) != record.Hash)
        {
            FirstBroken = record.Id;
            return false;
        }

        _expectedPrev = record.Hash;
        _expectedId++;
        return true;
    }

    public AuditVerification Result()
    {
        if (FirstBroken is null && (_expectedId - 1 != head.LastId || _expectedPrev != head.LastHash))
        {
            FirstBroken = _expectedId; // records missing at the end, or a head that was changed
        }

        return new AuditVerification(FirstBroken is null, _records, FirstBroken, head.LastHash);
    }
}
