using System.Globalization;

namespace CloudMgmt.Adapters.Ec2.Tests.Fake;

/// <summary>
/// The form parameters of one EC2 Query request, with the protocol's list naming: a list is
/// <c>Name.1</c>, <c>Name.2</c>, ...; a filter is <c>Filter.1.Name</c> with <c>Filter.1.Value.1</c>, ...;
/// tags are <c>Tag.1.Key</c> / <c>Tag.1.Value</c>, inside <c>TagSpecification.1.</c> on create calls.
/// </summary>
public sealed class QueryParameters(IReadOnlyDictionary<string, string> values)
{
    public IReadOnlyDictionary<string, string> All => values;

    public string? Get(string name) => values.GetValueOrDefault(name);

    public string Required(string name) =>
        Get(name) is { Length: > 0 } value ? value : throw new FakeEc2Error(400, "MissingParameter", $"The request must contain the parameter {name}");

    public int? Int(string name, int min, int max)
    {
        if (Get(name) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FakeEc2Error(400, "InvalidParameterValue", $"Value ({text}) for parameter {name} is invalid. Expected a value from {min} to {max}.");
    }

    public IReadOnlyList<string> List(string prefix)
    {
        var list = new List<string>();
        for (var i = 1; Get($"{prefix}.{i}") is { } value; i++)
        {
            list.Add(value);
        }

        return list;
    }

    public IReadOnlyList<(string Name, IReadOnlyList<string> Values)> Filters()
    {
        var filters = new List<(string, IReadOnlyList<string>)>();
        for (var i = 1; Get($"Filter.{i}.Name") is { } name; i++)
        {
            filters.Add((name, List($"Filter.{i}.Value")));
        }

        return filters;
    }

    public IReadOnlyDictionary<string, string> Tags(string prefix)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; Get($"{prefix}Tag.{i}.Key") is { } key; i++)
        {
            tags[key] = Get($"{prefix}Tag.{i}.Value") ?? "";
        }

        return tags;
    }
}

/// <summary>An EC2 error the fake answers with: HTTP status, error code, message.</summary>
public sealed class FakeEc2Error(int status, string code, string message) : Exception(message)
{
    public int Status => status;

    public string Code => code;
}
