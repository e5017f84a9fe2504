using System.Globalization;
using CloudMgmt.Domain.Elastic;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Policies.Loading;
using YamlDotNet.RepresentationModel;

namespace CloudMgmt.Policies.Elastic;

/// <summary>Typed readers for the elastic policy's fields: each returns null when the field is absent, and reports what is wrong (with its path) instead of throwing.</summary>
internal sealed class ElasticNode(YamlMappingNode node, string path, PolicyErrors errors)
{
    public string PathOf(string key) => path.Length == 0 ? key : $"{path}.{key}";

    public IEnumerable<string> Keys => node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "");

    public void Allow(IReadOnlyCollection<string> keys)
    {
        foreach (var key in Keys.Where(k => !keys.Contains(k)))
        {
            errors.Add(PathOf(key), $"unknown field; known: {string.Join(", ", keys)}");
        }
    }

    public ElasticNode? Child(string key)
    {
        switch (Get(key))
        {
            case null:
                return null;
            case YamlMappingNode map:
                return new ElasticNode(map, PathOf(key), errors);
            default:
                errors.Add(PathOf(key), "must be a mapping");
                return null;
        }
    }

    public bool? Bool(string key) => Scalar(key) is not { } text ? null
        : bool.TryParse(text, out var value) ? value
        : Bad<bool>(key, "must be true or false");

    public double? Number(string key, double min, double max, string what) =>
        Scalar(key) is not { } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
        : Bad<double>(key, $"must be {what}");

    public TimeSpan? Duration(string key) => Scalar(key) is not { } text ? null
        : Durations.Parse(text) is { } span && span > TimeSpan.Zero ? span
        : Bad<TimeSpan>(key, "must be a positive duration such as 90s, 15m, 1h, 1h30m or 3d");

    public GrowStep? Step(string key)
    {
        if (Scalar(key) is not { } text)
        {
            return null;
        }

        if (text.EndsWith('%') && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent > 0 && percent <= 1000)
        {
            return GrowStep.OfFraction(percent / 100);
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var units) && units > 0)
        {
            return GrowStep.OfUnits(units);
        }

        Report(key, "must be a percentage of the size (\"25%\", above 0 and at most 1000%) or a whole number of units above 0");
        return null;
    }

    public ResourceVector? Resources(string key)
    {
        if (Child(key) is not { } map)
        {
            return null;
        }

        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in map.Keys)
        {
            if (!ResourceNames.IsValid(name))
            {
                errors.Add(map.PathOf(name), "is not a valid resource name");
            }
            else if (map.Scalar(name) is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                values[name] = amount;
            }
            else
            {
                errors.Add(map.PathOf(name), "must be a whole number of units, 0 or more");
            }
        }

        return ResourceVector.From(values);
    }

    private YamlNode? Get(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private string? Scalar(string key) => Get(key) switch
    {
        null => null,
        YamlScalarNode { Value: { Length: > 0 } text } => text,
        _ => Report(key, "must be a single value"),
    };

    private string? Report(string key, string message)
    {
        errors.Add(PathOf(key), message);
        return null;
    }

    private T? Bad<T>(string key, string message)
        where T : struct
    {
        errors.Add(PathOf(key), message);
        return null;
    }
}
