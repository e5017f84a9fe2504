namespace CloudMgmt.Grains.Usage;

/// <summary>
/// The recent usage of the grants on one cloud (keyed by cloud id), as the reconciler observed it,
/// and the capacity the elastic controller reclaimed there. Kept in memory with bounded size: it
/// feeds the elastic windows and the efficiency report, and a silo restart may lose it.
/// </summary>
public interface ICloudUsageGrain : IGrainWithStringKey
{
    /// <summary>One reconcile pass's observations of the cloud's grants.</summary>
    Task Record(UsageSnapshot snapshot);

    /// <summary>The bounded history per grant (of every grant when <paramref name="allocationId"/> is null), oldest point first.</summary>
    Task<IReadOnlyList<GrantUsageSeries>> History(string? allocationId);

    /// <summary>Time-weighted means per grant over the window, from the samples inside it; grants with no sample there are left out.</summary>
    Task<IReadOnlyList<GrantUsageAverage>> Summarize(DateTimeOffset from, DateTimeOffset to);

    Task RecordReclaim(ReclaimRecord record);

    Task<IReadOnlyList<ReclaimRecord>> Reclaimed(DateTimeOffset from, DateTimeOffset to);
}
