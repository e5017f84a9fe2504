using System.Security.Cryptography;
using System.Text;
using CloudMgmt.Domain.Usage;

namespace CloudMgmt.Domain.Metering;

/// <summary>
/// A grant as metered on one cloud (a series). Its number is derived from cloud and allocation, so
/// every silo names it alike without asking the store; 64 bits of SHA-256 make a collision among a
/// million series a chance of about 3 in 100 million.
/// </summary>
public sealed record MeteredGrant(long Series, string CloudId, string AllocationId, string Tenant, string Pool)
{
    public static MeteredGrant Of(string cloudId, string allocationId, string tenant, string pool) =>
        new(SeriesOf(cloudId, allocationId), cloudId, allocationId, tenant, pool);

    public static long SeriesOf(string cloudId, string allocationId) =>
        System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(cloudId + "\n" + allocationId)));
}

/// <summary>A closed grant-hour, final.</summary>
public sealed record HourRow(long Series, long Hour, MeterTotals Totals);

/// <summary>A grant's hour in progress, kept so that a restart continues it (with the last observation, whose step may not be counted yet).</summary>
public sealed record OpenHourRow(long Series, string CloudId, long Hour, MeterTotals Totals, UsageSample? Last, bool LastSpent);

/// <summary>A grant's month so far (closed hours only).</summary>
public sealed record GrantMonthRow(MeteringMonth Month, MeteredGrant Grant, GrantMonth Totals);

/// <summary>What the grants of one tenant (and pool) held and used on one cloud over one civil day (closed hours only); <see cref="MeterTotals.HeldMs"/> counts grant-milliseconds.</summary>
public sealed record DayGroupRow(DateOnly Day, string CloudId, string Tenant, string Pool, MeterTotals Totals);

/// <summary>A closed grant-hour with what it belongs to, as reports read it.</summary>
public sealed record HourDetail(long Hour, MeteredGrant Grant, MeterTotals Totals);

/// <summary>
/// A closed grant-hour with where it counts: its civil day and month, and whether it was idle
/// (even its busiest resource at or below the idle threshold) with its highest efficiency, in millionths (-1: nothing granted).
/// </summary>
public sealed record ClosedGrantHour(MeteredGrant Grant, long Hour, DateOnly Day, MeteringMonth Month, MeterTotals Totals, bool Idle, long MaxEfficiencyPpm);

/// <summary>
/// What one cloud's meter hands the store at once (one transaction): the series it has seen, the
/// hours it closed (each counted into its day and month only if the store did not have it yet),
/// and the hours in progress (replacing the series' earlier one).
/// </summary>
/// <param name="Hour">The hour the write was made in (a new series' first).</param>
public sealed record UsageWrite(long Hour, IReadOnlyList<MeteredGrant> Series, IReadOnlyList<ClosedGrantHour> Closed, IReadOnlyList<OpenHourRow> Open)
{
    public static UsageWrite Empty { get; } = new(0, [], [], []);

    public bool IsEmpty => Series.Count == 0 && Closed.Count == 0 && Open.Count == 0;
}
