using CloudMgmt.Domain.Usage;

namespace CloudMgmt.Domain.Metering;

/// <summary>One grant's hour, complete: nothing more will be added to it.</summary>
public sealed record ClosedHour(long Hour, MeterTotals Totals);

/// <summary>
/// Meters one grant into hours. Usage is a step function: each observation stands until the next
/// one, but for no longer than <c>maxStep</c> (a cloud that stops answering must not have its last
/// sample billed for days), and a grant missing from a pass stops there. Each step is split at hour
/// boundaries. An hour is closed, and handed out once, when no later observation can add to it;
/// it is never reopened (a late sample's share of a closed hour is dropped rather than counted twice).
/// Times are cut to whole milliseconds, so the integrals are exact.
/// Memory: the last observation and the open hour's totals, whatever the grant's age.
/// </summary>
public sealed class GrantMeter
{
    public UsageSample? Last { get; private set; }

    /// <summary>The last observation's step has been counted in full (capped, or ended by an absence).</summary>
    public bool LastSpent { get; private set; }

    public long? OpenHour { get; private set; }

    public MeterTotals? Open { get; private set; }

    /// <summary>Hours up to this one are closed.</summary>
    public long ClosedThrough { get; private set; } = long.MinValue;

    /// <summary>Nothing pending: the grant can be forgotten until it is seen again.</summary>
    public bool IsIdle => Open is null && (Last is null || LastSpent);

    /// <summary>Continues where an earlier meter (before a restart) left off: its open hour and last observation.</summary>
    public static GrantMeter Resume(long openHour, MeterTotals partial, UsageSample? last, bool lastSpent) =>
        new() { OpenHour = openHour, Open = partial, Last = last is null ? null : Cut(last), LastSpent = last is null || lastSpent, ClosedThrough = openHour - 1 };

    /// <summary>A new observation; hours before its own are closed into <paramref name="closed"/>.</summary>
    public void Observe(UsageSample sample, long maxStepMs, List<ClosedHour> closed)
    {
        sample = Cut(sample);
        if (Last is { } last && sample.At < last.At)
        {
            return; // a late pass must not rewrite what was counted
        }

        Spend(sample.At, maxStepMs, closed);
        Last = sample;
        LastSpent = false;
        CloseBefore(MeteringCalendar.HourOf(sample.At), closed);
    }

    /// <summary>The grant was not among what a pass saw at <paramref name="at"/>: its last step ends there.</summary>
    public void Absent(DateTimeOffset at, long maxStepMs, List<ClosedHour> closed)
    {
        Spend(Cut(at), maxStepMs, closed);
        LastSpent = true;
        CloseBefore(MeteringCalendar.HourOf(at), closed);
    }

    /// <summary>Time passes without a pass: a step that has reached its cap is counted, and hours nothing more can reach are closed.</summary>
    public void Tick(DateTimeOffset now, long maxStepMs, List<ClosedHour> closed)
    {
        if (Last is { } last && !LastSpent && (now - last.At).TotalMilliseconds >= maxStepMs)
        {
            Spend(now, maxStepMs, closed);
            LastSpent = true;
        }

        if (Last is null || LastSpent)
        {
            CloseBefore(MeteringCalendar.HourOf(now), closed);
        }
    }

    /// <summary>Closes every hour, open or not (the grant's meter is being put away).</summary>
    public void CloseAll(List<ClosedHour> closed) => CloseBefore(long.MaxValue, closed);

    private void Spend(DateTimeOffset until, long maxStepMs, List<ClosedHour> closed)
    {
        if (Last is not { } last || LastSpent)
        {
            return;
        }

        var from = last.At;
        var end = Min(until, from.AddMilliseconds(maxStepMs));
        var hour = MeteringCalendar.HourOf(from);
        while (from < end)
        {
            var boundary = MeteringCalendar.HourStart(hour + 1);
            var stop = Min(end, boundary);
            Contribute(hour, last, (long)(stop - from).TotalMilliseconds, closed);
            from = stop;
            hour++;
        }
    }

    private void Contribute(long hour, UsageSample sample, long ms, List<ClosedHour> closed)
    {
        if (hour <= ClosedThrough || ms <= 0)
        {
            return;
        }

        if (OpenHour is { } open && hour > open)
        {
            CloseBefore(hour, closed);
        }

        OpenHour ??= hour;
        Open ??= new MeterTotals();
        Open.AddStep(sample.Granted, sample.Used, ms);
    }

    private void CloseBefore(long hour, List<ClosedHour> closed)
    {
        if (OpenHour is { } open && open < hour)
        {
            closed.Add(new ClosedHour(open, Open!));
            ClosedThrough = Math.Max(ClosedThrough, open);
            OpenHour = null;
            Open = null;
        }

        if (hour != long.MaxValue)
        {
            ClosedThrough = Math.Max(ClosedThrough, hour - 1); // no step will start before this hour again
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Cut(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    private static UsageSample Cut(UsageSample sample) => sample with { At = Cut(sample.At) };
}
