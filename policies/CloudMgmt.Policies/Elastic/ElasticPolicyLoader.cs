using CloudMgmt.Domain.Elastic;
using CloudMgmt.Policies.Loading;
using YamlDotNet.RepresentationModel;

namespace CloudMgmt.Policies.Elastic;

/// <summary>
/// Reads an elastic policy from YAML and validates all of it, reporting every problem with the
/// path of the field at fault (e.g. <c>spec.pools.hefei.highWatermark</c>). Fields left out of
/// <c>spec.defaults</c> take the shipped defaults.
/// </summary>
public static class ElasticPolicyLoader
{
    private static readonly string[] RuleFields =
    [
        "growEnabled", "highWatermark", "growStep", "growWindow",
        "shrinkEnabled", "lowWatermark", "headroom", "shrinkWindow", "minimum",
        "idleEnabled", "idleThreshold", "idleWindow", "reclaimEnabled", "reclaimGrace",
    ];

    public static (ElasticPolicy? Policy, IReadOnlyList<string> Errors) Load(string yaml)
    {
        var (root, error) = PolicyYaml.Root(yaml, "policy");
        if (root is null)
        {
            return (null, [error!]);
        }

        var errors = new PolicyErrors();

        var top = new PolicyNode(root, "", errors);
        top.Allow("apiVersion", "kind", "metadata", "spec");
        top.Expect("apiVersion", ElasticPolicy.ApiVersion);
        top.Expect("kind", ElasticPolicy.Kind);
        var name = top.Map("metadata")?.Text("name", required: true) ?? "";
        var spec = new ElasticNode(root, "", errors).Child("spec");
        if (spec is null)
        {
            errors.Add("spec", "is required and must be a mapping");
            return (null, errors.All);
        }

        spec.Allow(["defaults", "pools", "tenants"]);
        var defaults = (spec.Child("defaults") is { } d ? ReadRule(d) : new ElasticRule()).ApplyTo(ElasticSettings.Default);
        Check(defaults, spec.PathOf("defaults"), errors);
        var pools = ReadRules(spec, "pools", defaults, errors);
        var tenants = ReadRules(spec, "tenants", defaults, errors);
        return errors.Count == 0 ? (new ElasticPolicy(name, defaults, pools, tenants), []) : (null, errors.All);
    }

    private static Dictionary<string, ElasticRule> ReadRules(ElasticNode spec, string key, ElasticSettings defaults, PolicyErrors errors)
    {
        var rules = new Dictionary<string, ElasticRule>(StringComparer.Ordinal);
        if (spec.Child(key) is not { } map)
        {
            return rules;
        }

        foreach (var id in map.Keys)
        {
            if (map.Child(id) is { } node)
            {
                rules[id] = ReadRule(node);
                Check(rules[id].ApplyTo(defaults), node.PathOf("").TrimEnd('.'), errors);
            }
        }

        return rules;
    }

    private static ElasticRule ReadRule(ElasticNode n)
    {
        n.Allow(RuleFields);
        return new ElasticRule(
            n.Bool("growEnabled"), n.Number("highWatermark", 0.01, 10, "a ratio above 0 (1 is fully used)"), n.Step("growStep"), n.Duration("growWindow"),
            n.Bool("shrinkEnabled"), n.Number("lowWatermark", 0, 10, "a ratio of 0 or more"), n.Number("headroom", 1, 100, "a factor of at least 1"),
            n.Duration("shrinkWindow"), n.Resources("minimum"),
            n.Bool("idleEnabled"), n.Number("idleThreshold", 0, 1, "a ratio between 0 and 1"), n.Duration("idleWindow"),
            n.Bool("reclaimEnabled"), n.Duration("reclaimGrace"));
    }

    /// <summary>Rules that make sense alone can contradict each other once combined: say so, at the place that combined them.</summary>
    private static void Check(ElasticSettings s, string path, PolicyErrors errors)
    {
        if (s.LowWatermark >= s.HighWatermark)
        {
            errors.Add(path, $"lowWatermark ({s.LowWatermark}) must be below highWatermark ({s.HighWatermark}), or grants would swing between grow and shrink");
        }

        if (s.IdleThreshold > s.LowWatermark)
        {
            errors.Add(path, $"idleThreshold ({s.IdleThreshold}) must not be above lowWatermark ({s.LowWatermark})");
        }
    }
}
