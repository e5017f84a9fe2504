using CloudMgmt.Domain.Elastic;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Policies.Elastic;

/// <summary>A pool's or tenant's override: only the fields it names (the others are null) replace what it applies to.</summary>
public sealed record ElasticRule(
    bool? GrowEnabled = null, double? HighWatermark = null, GrowStep? GrowStep = null, TimeSpan? GrowWindow = null,
    bool? ShrinkEnabled = null, double? LowWatermark = null, double? Headroom = null, TimeSpan? ShrinkWindow = null, ResourceVector? Minimum = null,
    bool? IdleEnabled = null, double? IdleThreshold = null, TimeSpan? IdleWindow = null,
    bool? ReclaimEnabled = null, TimeSpan? ReclaimGrace = null)
{
    public ElasticSettings ApplyTo(ElasticSettings s) => new(
        GrowEnabled ?? s.GrowEnabled, HighWatermark ?? s.HighWatermark, GrowStep ?? s.GrowStep, GrowWindow ?? s.GrowWindow,
        ShrinkEnabled ?? s.ShrinkEnabled, LowWatermark ?? s.LowWatermark, Headroom ?? s.Headroom, ShrinkWindow ?? s.ShrinkWindow,
        Minimum ?? s.Minimum,
        IdleEnabled ?? s.IdleEnabled, IdleThreshold ?? s.IdleThreshold, IdleWindow ?? s.IdleWindow,
        ReclaimEnabled ?? s.ReclaimEnabled, ReclaimGrace ?? s.ReclaimGrace);
}

/// <summary>The elastic policy: defaults, and overrides per pool (covering its subtree) and per tenant.</summary>
public sealed record ElasticPolicy(
    string Name, ElasticSettings Defaults, IReadOnlyDictionary<string, ElasticRule> Pools, IReadOnlyDictionary<string, ElasticRule> Tenants)
{
    public const string ApiVersion = "cloudmgmt.io/v1";
    public const string Kind = "ElasticPolicy";

    /// <summary>
    /// The rules for a grant of <paramref name="tenant"/> whose pool path runs from the tenant's pool
    /// up to the root: defaults, then each pool's rule from the root down (the nearer pool wins),
    /// then the tenant's rule.
    /// </summary>
    public ElasticSettings For(string tenant, IReadOnlyList<string> poolPath)
    {
        var settings = Defaults;
        for (var i = poolPath.Count - 1; i >= 0; i--)
        {
            if (Pools.TryGetValue(poolPath[i], out var rule))
            {
                settings = rule.ApplyTo(settings);
            }
        }

        return Tenants.TryGetValue(tenant, out var own) ? own.ApplyTo(settings) : settings;
    }
}
