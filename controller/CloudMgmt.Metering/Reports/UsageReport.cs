using CloudMgmt.Domain.Metering;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Grains.Usage;

namespace CloudMgmt.Metering.Reports;

/// <summary>
/// One resource of one row. Unit-hours are exact (a vCPU held for 90 minutes is 1.5); means are
/// unit-hours over the bucket's hours; efficiency is used over granted, null when nothing was granted.
/// </summary>
public sealed record ResourceFigures(decimal GrantedUnitHours, decimal UsedUnitHours, double MeanGranted, double MeanUsed, double? Efficiency, long Reclaimed);

/// <param name="GrantHours">Hours of grants held (two grants for an hour: 2); for a key mixing resources, that of the resource held longest.</param>
public sealed record UsageReportRow(DateTimeOffset From, DateTimeOffset To, string Key, IReadOnlyDictionary<string, ResourceFigures> Resources, decimal GrantHours);

public sealed record UsageReportResult(ReportWindow Window, ReportBy By, ReportStep Step, IReadOnlyList<UsageReportRow> Rows);

/// <summary>Sums stored figures into a report's buckets and keys. Pure.</summary>
public static class UsageReport
{
    public static DayGrouping GroupingFor(ReportBy by, ReportStep step) =>
        new(step switch { ReportStep.Day => DayBucket.Day, ReportStep.Month => DayBucket.Month, _ => DayBucket.Period },
            by == ReportBy.Cloud, by == ReportBy.Tenant, by == ReportBy.Pool);

    public static IReadOnlyList<UsageReportRow> FromDays(
        ReportWindow window, ReportBy by, ReportStep step, MeteringCalendar calendar, IEnumerable<DaySum> sums, IEnumerable<ReclaimRecord> reclaims)
    {
        var rows = new Rows(window);
        foreach (var s in sums)
        {
            var start = step switch
            {
                ReportStep.Day => calendar.DayStart(DateOnly.FromDayNumber(s.Bucket)),
                ReportStep.Month => calendar.MonthStart(MeteringMonth.FromIndex(s.Bucket)),
                _ => window.From,
            };
            var key = by switch { ReportBy.Tenant => s.Tenant!, ReportBy.Pool => s.Pool!, ReportBy.Cloud => s.CloudId!, _ => s.Resource };
            rows.Add(start, key, s.Resource, s.GrantedMs, s.UsedMs, s.HeldMs);
        }

        rows.AddReclaims(reclaims, by);
        return rows.Build();
    }

    public static IReadOnlyList<UsageReportRow> FromHours(ReportWindow window, ReportBy by, IEnumerable<HourDetail> hours, IEnumerable<ReclaimRecord> reclaims)
    {
        var rows = new Rows(window);
        foreach (var h in hours)
        {
            var at = MeteringCalendar.HourStart(h.Hour);
            foreach (var (resource, t) in h.Totals.Entries)
            {
                var key = by switch { ReportBy.Tenant => h.Grant.Tenant, ReportBy.Pool => h.Grant.Pool, ReportBy.Cloud => h.Grant.CloudId, _ => resource };
                rows.Add(at, key, resource, t.GrantedMs, t.UsedMs, h.Totals.HeldMs);
            }
        }

        rows.AddReclaims(reclaims, by);
        return rows.Build();
    }

    private sealed class Rows(ReportWindow window)
    {
        private readonly Dictionary<(int Bucket, string Key), Dictionary<string, Sums>> _rows = [];

        public void Add(DateTimeOffset at, string key, string resource, long grantedMs, long usedMs, long heldMs)
        {
            if (BucketOf(at) is not { } bucket)
            {
                return;
            }

            var row = Row(bucket, key);
            var sums = row.GetValueOrDefault(resource);
            row[resource] = sums with { GrantedMs = sums.GrantedMs + grantedMs, UsedMs = sums.UsedMs + usedMs, HeldMs = sums.HeldMs + heldMs };
        }

        public void AddReclaims(IEnumerable<ReclaimRecord> reclaims, ReportBy by)
        {
            foreach (var r in reclaims)
            {
                if (BucketOf(r.At) is not { } bucket)
                {
                    continue;
                }

                foreach (var (resource, amount) in r.Reclaimed.Entries)
                {
                    var row = Row(bucket, by switch { ReportBy.Tenant => r.Tenant, ReportBy.Pool => r.Pool, ReportBy.Cloud => r.CloudId, _ => resource });
                    var sums = row.GetValueOrDefault(resource);
                    row[resource] = sums with { Reclaimed = sums.Reclaimed + amount };
                }
            }
        }

        public IReadOnlyList<UsageReportRow> Build() => _rows
            .OrderBy(r => r.Key.Bucket).ThenBy(r => r.Key.Key, StringComparer.Ordinal)
            .Select(r =>
            {
                var (from, to) = window.Buckets[r.Key.Bucket];
                var hours = (decimal)(to - from).TotalHours;
                var resources = r.Value.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => Figures(e.Value, hours), StringComparer.Ordinal);
                return new UsageReportRow(from, to, r.Key.Key, resources, UnitHours(r.Value.Values.Max(s => s.HeldMs)));
            })
            .ToList();

        private Dictionary<string, Sums> Row(int bucket, string key)
        {
            if (!_rows.TryGetValue((bucket, key), out var row))
            {
                _rows[(bucket, key)] = row = new Dictionary<string, Sums>(StringComparer.Ordinal);
            }

            return row;
        }

        private int? BucketOf(DateTimeOffset at)
        {
            var buckets = window.Buckets;
            int low = 0, high = buckets.Count - 1;
            while (low <= high)
            {
                var mid = (low + high) / 2;
                if (at < buckets[mid].From)
                    high = mid - 1;
                else if (at >= buckets[mid].To)
                    low = mid + 1;
                else
                    return mid;
            }

            return null;
        }

        private static ResourceFigures Figures(Sums s, decimal hours) => new(
            UnitHours(s.GrantedMs), UnitHours(s.UsedMs),
            Math.Round((double)(UnitHours(s.GrantedMs) / hours), 4), Math.Round((double)(UnitHours(s.UsedMs) / hours), 4),
            s.GrantedMs > 0 ? Math.Round((double)s.UsedMs / s.GrantedMs, 4) : null, s.Reclaimed);
    }

    /// <summary>Unit-milliseconds as unit-hours, exactly (to the millisecond's share of an hour).</summary>
    public static decimal UnitHours(long unitMs) => (decimal)unitMs / MeteringCalendar.MsPerHour;

    private readonly record struct Sums(long GrantedMs, long UsedMs, long HeldMs, long Reclaimed);
}
