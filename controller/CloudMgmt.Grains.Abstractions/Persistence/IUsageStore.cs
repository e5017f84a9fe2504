using CloudMgmt.Domain.Metering;
using CloudMgmt.Grains.Usage;

namespace CloudMgmt.Grains.Persistence;

/// <summary>
/// Durable metering: closed grant-hours (kept <c>Metering:HourlyRetention</c>), the daily figures
/// per tenant, pool, cloud and resource and each grant's month (kept <c>Metering:DailyRetention</c>),
/// hours in progress, and what the elastic controller reclaimed. Counting is idempotent at the
/// store: a closed hour is added to its day and month only by the write that first stores it, so
/// a repeated write, a restart or a second silo never counts an hour twice.
/// </summary>
public interface IUsageStore
{
    /// <summary>Applies one meter's write atomically. Durable when it completes.</summary>
    Task WriteAsync(UsageWrite write);

    /// <summary>The hours in progress of one cloud's grants, to continue them.</summary>
    Task<IReadOnlyList<(MeteredGrant Grant, OpenHourRow Row)>> ReadOpenAsync(string cloudId);

    /// <summary>Daily figures summed into buckets, over days in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    Task<IReadOnlyList<DaySum>> SumDaysAsync(DateOnly from, DateOnly to, DayGrouping grouping, string? tenant);

    /// <summary>Closed grant-hours in [<paramref name="fromHour"/>, <paramref name="toHour"/>), of one tenant or all.</summary>
    Task<IReadOnlyList<HourDetail>> ReadHoursAsync(long fromHour, long toHour, string? tenant);

    /// <summary>Each grant's month (one row per grant and resource), of one tenant or all.</summary>
    Task<IReadOnlyList<GrantMonthFigures>> ReadMonthAsync(MeteringMonth month, string? tenant);

    Task AddReclaimAsync(ReclaimRecord record);

    /// <summary>Reclaims in [<paramref name="from"/>, <paramref name="to"/>), of one tenant or all, oldest first.</summary>
    Task<IReadOnlyList<ReclaimRecord>> ReadReclaimsAsync(DateTimeOffset from, DateTimeOffset to, string? tenant);

    /// <summary>Deletes grant-hours, days, months and reclaims past retention, and series nothing kept refers to any more.</summary>
    Task<RetentionResult> DeleteBeforeAsync(RetentionCutoff cutoff);
}

/// <summary>How daily figures are summed: into days, months or periods (given by their first days, ascending), keeping the dimensions asked for (the resource is always kept).</summary>
public sealed record DayGrouping(DayBucket Bucket, bool ByCloud, bool ByTenant, bool ByPool, IReadOnlyList<DateOnly>? PeriodStarts = null);

public enum DayBucket
{
    /// <summary>Bucket = the day's <see cref="DateOnly.DayNumber"/>.</summary>
    Day,

    /// <summary>Bucket = <see cref="MeteringMonth.Index"/>.</summary>
    Month,

    /// <summary>Bucket = the index of the period the day falls in (0 before the second start).</summary>
    Period,
}

/// <summary>One bucket's sums; the dimensions not kept are null. <paramref name="HeldMs"/> counts grant-milliseconds.</summary>
public sealed record DaySum(int Bucket, string? CloudId, string? Tenant, string? Pool, string Resource, long GrantedMs, long UsedMs, long HeldMs);

/// <summary>One grant's month for one resource: totals, hours held and idle, and its highest hourly efficiency in millionths (-1: never granted).</summary>
public sealed record GrantMonthFigures(MeteringMonth Month, MeteredGrant Grant, string Resource, long GrantedMs, long UsedMs, int HeldHours, int IdleHours, long MaxEfficiencyPpm);

/// <param name="HourlyBefore">Grant-hours before this hour go.</param>
/// <param name="DailyBefore">Days before this one go, and months before its month.</param>
/// <param name="DailyBeforeHour">The first hour of <paramref name="DailyBefore"/>: reclaims before it go, and series first seen before it that nothing kept refers to.</param>
public sealed record RetentionCutoff(long HourlyBefore, DateOnly DailyBefore, long DailyBeforeHour);

public sealed record RetentionResult(long Hours, long Days, long Months, long Reclaims, long Series);
