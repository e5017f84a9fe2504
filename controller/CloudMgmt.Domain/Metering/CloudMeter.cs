using CloudMgmt.Domain.Resources;
using CloudMgmt.Domain.Usage;

namespace CloudMgmt.Domain.Metering;

/// <summary>One grant as a pass saw it on a cloud.</summary>
public sealed record MeterObservation(string AllocationId, string Tenant, string Pool, ResourceVector Granted, ResourceVector Used);

/// <summary>
/// Meters every grant on one cloud: a <see cref="GrantMeter"/> each, fed by the reconcile passes
/// (a grant missing from a pass stops there), and the time between them. Returns what to write:
/// closed hours at once, hours in progress every <see cref="MeterSettings.FlushEvery"/>. Pure and
/// single-threaded (its owner, the cloud's usage grain, serialises calls). Memory: a grant's meter
/// while it is held or its hour is open; nothing of closed hours.
/// </summary>
public sealed class CloudMeter(string cloudId, MeterSettings settings)
{
    private readonly Dictionary<string, Tracked> _grants = new(StringComparer.Ordinal);
    private DateTimeOffset _flushedAt = DateTimeOffset.MinValue;

    public string CloudId => cloudId;

    public int Tracking => _grants.Count;

    /// <summary>The grant's last sample (cut to the millisecond); null when the meter does not hold the grant.</summary>
    public UsageSample? LastSample(string allocationId) => _grants.TryGetValue(allocationId, out var tracked) ? tracked.Meter.Last : null;

    /// <summary>Continues the hours in progress found in the store (after a restart or a move to another silo).</summary>
    public void Restore(IEnumerable<(MeteredGrant Grant, OpenHourRow Row)> open, DateTimeOffset now)
    {
        foreach (var (grant, row) in open)
        {
            _grants[grant.AllocationId] = new Tracked(grant, GrantMeter.Resume(row.Hour, row.Totals, row.Last, row.LastSpent)) { Known = true };
        }

        _flushedAt = now;
    }

    /// <summary>One pass's observations at <paramref name="at"/>.</summary>
    public UsageWrite Record(DateTimeOffset at, IReadOnlyList<MeterObservation> seen)
    {
        var closed = new List<ClosedHour>();
        var write = new Writes();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in seen)
        {
            present.Add(o.AllocationId);
            if (!_grants.TryGetValue(o.AllocationId, out var tracked) || tracked.Grant.Tenant != o.Tenant || tracked.Grant.Pool != o.Pool)
            {
                _grants[o.AllocationId] = tracked = Replace(tracked, MeteredGrant.Of(cloudId, o.AllocationId, o.Tenant, o.Pool), at, write);
            }

            if (!tracked.Known)
            {
                write.Series.Add(tracked.Grant);
                tracked.Known = true;
            }

            tracked.Meter.Observe(new UsageSample(at, o.Granted, o.Used), settings.MaxStepMs, closed);
            tracked.Dirty = true;
            Collect(tracked, closed, write);
        }

        foreach (var tracked in _grants.Values.Where(t => !present.Contains(t.Grant.AllocationId)).ToList())
        {
            tracked.Meter.Absent(at, settings.MaxStepMs, closed);
            tracked.Dirty = true;
            Collect(tracked, closed, write);
        }

        return Finish(at, write);
    }

    /// <summary>Time passes without a pass (the cloud may not answer): capped steps are counted, finished hours closed.</summary>
    public UsageWrite Tick(DateTimeOffset now)
    {
        var closed = new List<ClosedHour>();
        var write = new Writes();
        foreach (var tracked in _grants.Values)
        {
            tracked.Meter.Tick(now, settings.MaxStepMs, closed);
            Collect(tracked, closed, write);
        }

        return Finish(now, write);
    }

    /// <summary>Every hour in progress, whatever the time of the last flush (the grain is about to leave memory).</summary>
    public UsageWrite FlushAll(DateTimeOffset now)
    {
        _flushedAt = DateTimeOffset.MinValue;
        return Finish(now, new Writes());
    }

    /// <summary>The grant changed tenant or pool (it cannot, but a new series is the safe answer): the old one's hours are closed.</summary>
    private Tracked Replace(Tracked? old, MeteredGrant grant, DateTimeOffset at, Writes write)
    {
        if (old is not null)
        {
            var closed = new List<ClosedHour>();
            old.Meter.Absent(at, settings.MaxStepMs, closed);
            old.Meter.CloseAll(closed);
            Collect(old, closed, write);
        }

        return new Tracked(grant, new GrantMeter());
    }

    private void Collect(Tracked tracked, List<ClosedHour> closed, Writes write)
    {
        foreach (var hour in closed)
        {
            var day = settings.Calendar.DayOf(hour.Hour);
            var efficiency = hour.Totals.MaxEfficiency;
            write.Closed.Add(new ClosedGrantHour(tracked.Grant, hour.Hour, day, MeteringCalendar.MonthOf(day), hour.Totals,
                efficiency is { } e && e <= settings.IdleThreshold, efficiency is { } x ? (long)Math.Round(x * 1e6) : -1));
        }

        closed.Clear();
    }

    private UsageWrite Finish(DateTimeOffset now, Writes write)
    {
        if (now - _flushedAt >= settings.FlushEvery)
        {
            foreach (var tracked in _grants.Values.Where(t => t.Dirty))
            {
                if (tracked.Meter is { Last: not null, LastSpent: false } or { Open: not null })
                {
                    var meter = tracked.Meter;
                    write.Open.Add(new OpenHourRow(tracked.Grant.Series, cloudId, meter.OpenHour ?? MeteringCalendar.HourOf(meter.Last!.At),
                        meter.Open ?? new MeterTotals(), meter.Last, meter.LastSpent));
                }

                tracked.Dirty = false;
            }

            _flushedAt = now;
        }

        foreach (var done in _grants.Where(e => e.Value.Meter.IsIdle).Select(e => e.Key).ToList())
        {
            _grants.Remove(done); // nothing pending: seen again, it starts afresh
        }

        return write.Closed.Count == 0 && write.Open.Count == 0 && write.Series.Count == 0
            ? UsageWrite.Empty
            : new UsageWrite(MeteringCalendar.HourOf(now), write.Series, write.Closed, write.Open);
    }

    private sealed class Tracked(MeteredGrant grant, GrantMeter meter)
    {
        public MeteredGrant Grant { get; } = grant;

        public GrantMeter Meter { get; } = meter;

        /// <summary>The store has its series row (written by this meter, or found there).</summary>
        public bool Known { get; set; }

        /// <summary>Changed since the last flush of hours in progress.</summary>
        public bool Dirty { get; set; }
    }

    private sealed class Writes
    {
        public List<MeteredGrant> Series { get; } = [];

        public List<ClosedGrantHour> Closed { get; } = [];

        public List<OpenHourRow> Open { get; } = [];
    }
}
