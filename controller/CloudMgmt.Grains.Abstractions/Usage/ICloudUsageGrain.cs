namespace CloudMgmt.Grains.Usage;

/// <summary>
/// The usage of the grants on one cloud (keyed by cloud id), as the reconciler observed it: metered
/// into durable hours, days and months (read through <see cref="Persistence.IUsageStore"/>), and per
/// grant in memory the elastic windows (a few numbers per resource; a silo restart loses them and
/// they fill again). Also the capacity the elastic controller reclaimed there (stored).
/// </summary>
public interface ICloudUsageGrain : IGrainWithStringKey
{
    /// <summary>One reconcile pass's observations of the cloud's grants.</summary>
    Task Record(UsageSnapshot snapshot);

    /// <summary>The elastic windows of every grant seen within Usage:Retention (those without thresholds yet too).</summary>
    Task<IReadOnlyList<GrantWindows>> Windows();

    /// <summary>Sets grants' thresholds and starts their windows again (the latest sample counts when it is not older than the restart).</summary>
    Task Track(IReadOnlyList<WindowsRequest> requests);

    /// <summary>Closes the hours that time has finished when no pass came (a timer calls it; tests too).</summary>
    Task Tick();

    Task RecordReclaim(ReclaimRecord record);

    /// <summary>The reclaims on this cloud in [<paramref name="from"/>, <paramref name="to"/>), from the store.</summary>
    Task<IReadOnlyList<ReclaimRecord>> Reclaimed(DateTimeOffset from, DateTimeOffset to);
}
