namespace CloudMgmt.Domain.Metering;

/// <summary>
/// One grant's month, built from its closed hours: totals per resource, and what the supervision
/// report needs about how the grant was used hour by hour. An hour is idle when even its busiest
/// resource was used at or below the idle threshold (used / granted over the hour).
/// </summary>
public sealed class GrantMonth
{
    public MeterTotals Totals { get; init; } = new();

    /// <summary>Hours in which the grant was held at all.</summary>
    public int HeldHours { get; set; }

    public int IdleHours { get; set; }

    /// <summary>The idle hours in a row ending at <see cref="LastHour"/> (0 when that hour was not idle).</summary>
    public int IdleRunHours { get; set; }

    public int LongestIdleHours { get; set; }

    /// <summary>The highest hourly efficiency of the busiest resource, in millionths; -1 when nothing was granted.</summary>
    public long MaxHourEfficiencyPpm { get; set; } = -1;

    /// <summary>The last hour added (hours are added in order).</summary>
    public long LastHour { get; set; } = long.MinValue;

    public double? MaxHourEfficiency => MaxHourEfficiencyPpm < 0 ? null : MaxHourEfficiencyPpm / 1e6;

    public void AddHour(long hour, MeterTotals totals, double idleThreshold)
    {
        Totals.Add(totals);
        HeldHours++;
        var efficiency = totals.MaxEfficiency;
        if (efficiency is { } e)
        {
            MaxHourEfficiencyPpm = Math.Max(MaxHourEfficiencyPpm, (long)Math.Round(e * 1e6));
        }

        if (efficiency is { } idle && idle <= idleThreshold)
        {
            IdleHours++;
            IdleRunHours = hour == LastHour + 1 ? IdleRunHours + 1 : 1;
            LongestIdleHours = Math.Max(LongestIdleHours, IdleRunHours);
        }
        else
        {
            IdleRunHours = 0;
        }

        LastHour = hour;
    }
}
