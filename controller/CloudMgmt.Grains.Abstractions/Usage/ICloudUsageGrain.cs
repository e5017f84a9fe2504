namespace CloudMgmt.Grains.Usage;

/// <summary>
/// The usage of the grants on one cloud (keyed by cloud id), as the reconciler observed it: metered
/// into durable hours, days and months (read through <see cref="Persistence.IUsageStore"/>), and a
/// short history per grant in memory for the elastic policy, which a silo restart may lose. Also
/// the capacity the elastic controller reclaimed there (stored).
/// </summary>
public interface ICloudUsageGrain : IGrainWithStringKey
{
    /// <summary>One reconcile pass's observations of the cloud's grants.</summary>
    Task Record(UsageSnapshot snapshot);

    /// <summary>The bounded history per grant (of every grant when <paramref name="allocationId"/> is null), oldest point first.</summary>
    Task<IReadOnlyList<GrantUsageSeries>> History(string? allocationId);

    /// <summary>Closes the hours that time has finished when no pass came (a timer calls it; tests too).</summary>
    Task Tick();

    Task RecordReclaim(ReclaimRecord record);

    /// <summary>The reclaims on this cloud in [<paramref name="from"/>, <paramref name="to"/>), from the store.</summary>
    Task<IReadOnlyList<ReclaimRecord>> Reclaimed(DateTimeOffset from, DateTimeOffset to);
}
