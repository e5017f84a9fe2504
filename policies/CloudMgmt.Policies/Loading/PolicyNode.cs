using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace CloudMgmt.Policies.Loading;

/// <summary>Collects validation errors, each with its path.</summary>
internal sealed class PolicyErrors
{
    private readonly List<string> _errors = [];

    public int Count => _errors.Count;

    public IReadOnlyList<string> All => _errors;

    public void Add(string path, string message) => _errors.Add(path.Length == 0 ? message : $"{path}: {message}");
}

/// <summary>A YAML mapping with its path, and typed readers that report what is wrong instead of throwing.</summary>
internal sealed partial class PolicyNode(YamlMappingNode node, string path, PolicyErrors errors)
{
    public string PathOf(string key) => path.Length == 0 ? key : $"{path}.{key}";

    private YamlNode? Get(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>Reports every key that is not one of <paramref name="keys"/> (a typo must not be silently ignored).</summary>
    public void Allow(params string[] keys)
    {
        foreach (var key in node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "").Where(k => !keys.Contains(k)))
        {
            errors.Add(PathOf(key), $"unknown field; known: {string.Join(", ", keys)}");
        }
    }

    public void Expect(string key, string value)
    {
        if (Text(key, required: true) is { } actual && actual != value)
        {
            errors.Add(PathOf(key), $"must be '{value}', not '{actual}'");
        }
    }

    public string? Text(string key, bool required)
    {
        switch (Get(key))
        {
            case YamlScalarNode { Value: { Length: > 0 } text }:
                return text;
            case null when !required:
                return null;
            default:
                errors.Add(PathOf(key), "is required and must be a text value");
                return null;
        }
    }

    public int Integer(string key, int fallback, int min, int max)
    {
        if (Get(key) is null)
        {
            return fallback;
        }

        if (Get(key) is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(PathOf(key), $"must be a whole number between {min} and {max}");
        return fallback;
    }

    public bool Known(string name, IEnumerable<string> known)
    {
        if (known.Contains(name, StringComparer.Ordinal))
        {
            return true;
        }

        errors.Add(PathOf("name"), $"unknown '{name}'; known: {string.Join(", ", known)}");
        return false;
    }

    public PolicyNode? Map(string key)
    {
        if (Get(key) is YamlMappingNode map)
        {
            return new PolicyNode(map, PathOf(key), errors);
        }

        errors.Add(PathOf(key), "is required and must be a mapping");
        return null;
    }

    public IEnumerable<PolicyNode> List(string key)
    {
        var value = Get(key);
        if (value is null)
        {
            return [];
        }

        if (value is not YamlSequenceNode items)
        {
            errors.Add(PathOf(key), "must be a list");
            return [];
        }

        return items.Children.Select((item, i) => item is YamlMappingNode m ? new PolicyNode(m, $"{PathOf(key)}[{i}]", errors) : Bad($"{PathOf(key)}[{i}]"))
            .OfType<PolicyNode>().ToList();
    }

    /// <summary>A map of id → list of names, such as <c>poolRegions: {anhui: [anhui]}</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ListMap(string key)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (Get(key) is null)
        {
            return result;
        }

        if (Get(key) is not YamlMappingNode map)
        {
            errors.Add(PathOf(key), "must be a mapping of id to a list of names");
            return result;
        }

        foreach (var (k, v) in map.Children)
        {
            var id = (k as YamlScalarNode)?.Value ?? "";
            if (v is YamlSequenceNode seq && seq.Children.All(c => c is YamlScalarNode { Value.Length: > 0 }))
            {
                result[id] = seq.Children.Select(c => ((YamlScalarNode)c).Value!).ToList();
            }
            else
            {
                errors.Add($"{PathOf(key)}.{id}", "must be a list of names");
            }
        }

        return result;
    }

    private PolicyNode? Bad(string itemPath)
    {
        errors.Add(itemPath, "must be a mapping");
        return null;
    }
}
