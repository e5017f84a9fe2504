using System.ComponentModel.DataAnnotations;
using CloudMgmt.Domain.Metering;

namespace CloudMgmt.Grains.Usage;

/// <summary>How usage is metered into hours, days and months (configuration section <c>Metering</c>); validated at start.</summary>
public sealed class MeteringOptions : IValidatableObject
{
    /// <summary>The province's offset from UTC, which days and months follow. Whole hours. Default +08:00 (China Standard Time).</summary>
    public TimeSpan UtcOffset { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The longest one observation stands for when no next one comes (a cloud that stopped answering). Default 5 minutes; keep it above Reconcile:GrantInterval.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan MaxStep { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often hours in progress are written, so that a restart continues them. Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FlushEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often (real time) a cloud's meter looks at the clock when no pass comes, to close finished hours. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan TickEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>An hour is idle when even its busiest resource was used at or below this share of what was granted. Default 0.05.</summary>
    [Range(0.0, 1.0)]
    public double IdleThreshold { get; set; } = 0.05;

    /// <summary>The supervision report lists the grants whose every hour of the month stayed below this efficiency (their busiest resource's used / granted). Default 0.3.</summary>
    [Range(0.0, 1.0)]
    public double LowEfficiencyThreshold { get; set; } = 0.3;

    /// <summary>How long grant-hours are kept. Default 90 days.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3660.00:00:00")]
    public TimeSpan HourlyRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long daily figures, grants' months and reclaims are kept. Default 400 days.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3660.00:00:00")]
    public TimeSpan DailyRetention { get; set; } = TimeSpan.FromDays(400);

    public MeterSettings Settings => new(new MeteringCalendar(UtcOffset), MaxStep, FlushEvery, IdleThreshold);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UtcOffset.Ticks % TimeSpan.TicksPerHour != 0 || UtcOffset < TimeSpan.FromHours(-12) || UtcOffset > TimeSpan.FromHours(14))
        {
            yield return new ValidationResult("Metering:UtcOffset must be a whole number of hours between -12:00 and +14:00", [nameof(UtcOffset)]);
        }

        if (DailyRetention < HourlyRetention)
        {
            yield return new ValidationResult("Metering:DailyRetention must not be shorter than Metering:HourlyRetention", [nameof(DailyRetention)]);
        }
    }
}
