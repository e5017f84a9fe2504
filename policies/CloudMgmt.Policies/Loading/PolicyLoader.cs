using CloudMgmt.Policies.Filters;
using CloudMgmt.Policies.Model;
using CloudMgmt.Policies.Scorers;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CloudMgmt.Policies.Loading;

/// <summary>
/// Reads a placement policy from YAML and validates all of it, reporting every problem with the
/// path of the field at fault (e.g. <c>spec.scorers[1].name</c>), not just the first one.
/// </summary>
public static class PolicyLoader
{
    public static (PlacementPolicy? Policy, IReadOnlyList<string> Errors) Load(string yaml)
    {
        var errors = new PolicyErrors();
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode m ? m : new YamlMappingNode();
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode)
            {
                errors.Add("", "the file must hold exactly one YAML mapping (a policy document)");
            }
        }
        catch (YamlException ex)
        {
            return (null, [$"(line {ex.Start.Line}): not valid YAML: {ex.Message}"]);
        }

        var node = new PolicyNode(root, "", errors);
        node.Allow("apiVersion", "kind", "metadata", "spec");
        node.Expect("apiVersion", PlacementPolicy.ApiVersion);
        node.Expect("kind", PlacementPolicy.Kind);
        var name = node.Map("metadata")?.Text("name", required: true) ?? "";
        var spec = node.Map("spec");
        spec?.Allow("filters", "scorers");
        var filters = spec?.List("filters").Select(ReadFilter).OfType<FilterSpec>().ToList() ?? [];
        var scorers = spec?.List("scorers").Select(ReadScorer).OfType<ScorerSpec>().ToList() ?? [];
        if (spec is not null && scorers.Count == 0)
        {
            errors.Add("spec.scorers", "name at least one scorer (" + string.Join(", ", PlacementScorers.ByName.Keys) + ")");
        }

        return errors.Count == 0 ? (new PlacementPolicy(name, filters, scorers), []) : (null, errors.All);
    }

    private static FilterSpec? ReadFilter(PolicyNode filter)
    {
        filter.Allow("name", "poolRegions", "minimum", "allowedSectors", "allow", "deny");
        var name = filter.Text("name", required: true);
        if (name is null || !filter.Known(name, PlacementFilters.ByName.Keys))
        {
            return null;
        }

        return new FilterSpec(name, new FilterSettings
        {
            PoolRegions = filter.ListMap("poolRegions"),
            Minimum = filter.Integer("minimum", 0, 0, 4),
            AllowedSectors = filter.ListMap("allowedSectors"),
            Allow = filter.ListMap("allow"),
            Deny = filter.ListMap("deny"),
        });
    }

    private static ScorerSpec? ReadScorer(PolicyNode scorer)
    {
        scorer.Allow("name", "weight");
        var name = scorer.Text("name", required: true);
        var weight = scorer.Integer("weight", 1, 0, 100);
        return name is not null && scorer.Known(name, PlacementScorers.ByName.Keys) ? new ScorerSpec(name, weight) : null;
    }
}
