using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace CloudMgmt.Policies.Loading;

/// <summary>Readers for optional mappings and lists, amounts, dates and label maps (the service catalogue's fields).</summary>
internal sealed partial class PolicyNode
{
    public IEnumerable<string> Keys => node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "");

    public void Error(string key, string message) => errors.Add(PathOf(key), message);

    /// <summary>An optional mapping: null (and no error) when absent.</summary>
    public PolicyNode? Child(string key) => Get(key) is null ? null : Map(key);

    /// <summary>A list of mappings; absent is an error when <paramref name="required"/>.</summary>
    public IReadOnlyList<PolicyNode> List(string key, bool required)
    {
        if (required && Get(key) is null)
        {
            errors.Add(PathOf(key), "is required and must be a list");
        }

        return List(key).ToList();
    }

    /// <summary>A decimal written plainly (no exponent), at least zero, with at most <paramref name="places"/> decimal places.</summary>
    public decimal? Decimal(string key, int places, bool required)
    {
        if (Text(key, required) is not { } text)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value.Scale <= places && value <= 1_000_000_000m)
        {
            return value;
        }

        errors.Add(PathOf(key), $"must be an amount in yuan such as 0.12 (not negative, at most {places} decimal places, at most 1000000000)");
        return null;
    }

    public DateOnly? Date(string key)
    {
        if (Text(key, required: true) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(PathOf(key), "must be a date written yyyy-MM-dd");
        return null;
    }

    /// <summary>A mapping of names to text values, such as <c>match: {architecture: x86_64}</c>; empty when absent.</summary>
    public IReadOnlyDictionary<string, string> Labels(string key)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Get(key) is not { } value)
        {
            return result;
        }

        if (value is not YamlMappingNode map)
        {
            errors.Add(PathOf(key), "must be a mapping of label names to values");
            return result;
        }

        foreach (var (k, v) in map.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            if (v is YamlScalarNode { Value: { Length: > 0 } text })
                result[name] = text;
            else
                errors.Add($"{PathOf(key)}.{name}", "must be a text value");
        }

        return result;
    }
}
