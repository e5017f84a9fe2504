namespace CloudMgmt.Domain.Metering;

/// <param name="MaxStep">The longest an observation stands for when no next one comes (a cloud that stopped answering).</param>
/// <param name="FlushEvery">How often hours in progress are written, so that a restart continues them.</param>
/// <param name="IdleThreshold">An hour is idle when even its busiest resource was used at or below this share of what was granted.</param>
public sealed record MeterSettings(MeteringCalendar Calendar, TimeSpan MaxStep, TimeSpan FlushEvery, double IdleThreshold)
{
    public static MeterSettings Default { get; } = new(MeteringCalendar.China, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), 0.05);

    public long MaxStepMs => (long)MaxStep.TotalMilliseconds;
}
