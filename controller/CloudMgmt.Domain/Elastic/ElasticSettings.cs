using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Domain.Elastic;

/// <summary>How much a grow adds to a resource: a fraction of its current size (rounded up, at least one unit) or a fixed number of units.</summary>
public sealed record GrowStep(double Fraction, long Units)
{
    public static GrowStep OfFraction(double fraction) => new(fraction, 0);

    public static GrowStep OfUnits(long units) => new(0, units);

    public long Apply(long current) => Units > 0 ? current + Units : current + Math.Max(1, (long)Math.Ceiling(current * Fraction));

    public override string ToString() => Units > 0 ? $"+{Units}" : $"+{Fraction:P0}";
}

/// <summary>
/// The elastic rules in force for one grant (the policy's defaults with its pool's and tenant's
/// overrides applied). Ratios are used / granted, per resource.
/// </summary>
/// <param name="HighWatermark">Grow a resource whose usage stayed at or above this for <paramref name="GrowWindow"/>.</param>
/// <param name="LowWatermark">Shrink a resource whose usage stayed at or below this for <paramref name="ShrinkWindow"/>...</param>
/// <param name="Headroom">... toward its peak use in that window times this factor (at least 1).</param>
/// <param name="Minimum">A shrink never goes below this (and never below one unit of a resource the grant has).</param>
/// <param name="IdleThreshold">A grant whose every resource stayed at or below this for <paramref name="IdleWindow"/> is marked idle...</param>
/// <param name="ReclaimGrace">... and released this long after the mark, unless protected, postponed, or used again.</param>
public sealed record ElasticSettings(
    bool GrowEnabled, double HighWatermark, GrowStep GrowStep, TimeSpan GrowWindow,
    bool ShrinkEnabled, double LowWatermark, double Headroom, TimeSpan ShrinkWindow, ResourceVector Minimum,
    bool IdleEnabled, double IdleThreshold, TimeSpan IdleWindow,
    bool ReclaimEnabled, TimeSpan ReclaimGrace)
{
    /// <summary>The shipped defaults (the same as policies/elastic/default.yaml).</summary>
    public static ElasticSettings Default { get; } = new(
        true, 0.80, GrowStep.OfFraction(0.25), TimeSpan.FromMinutes(15),
        true, 0.30, 1.2, TimeSpan.FromHours(1), ResourceVector.Of(("vcpu", 1), ("memoryGiB", 1)),
        true, 0.05, TimeSpan.FromHours(24),
        true, TimeSpan.FromHours(72));
}
