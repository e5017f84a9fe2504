using CloudMgmt.Domain;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Application;

/// <summary>Collects every problem with a request, each under the path of its field, before anything is changed.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Ok => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public Dictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <summary>The failure naming every invalid field; null when there is none.</summary>
    public Grains.Failure? Failure() => Ok ? null : Grains.Failure.InvalidFields(Errors);

    public string? Id(string field, string? value, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, "is required");
            }

            return null;
        }

        if (!Identifier.IsValid(value))
        {
            Add(field, $"'{TextRules.Echo(value)}' is not valid: {Identifier.Rule}");
        }

        return value;
    }

    /// <summary>A free-text value: at most <paramref name="max"/> characters, no control characters. <paramref name="what"/> names the part of the field (say, "keys").</summary>
    public void Text(string field, string? value, int max, string? what = null)
    {
        if (value is not null && TextRules.WhyNot(value, max) is { } why)
        {
            Add(field, what is null ? why : $"{what} {why}");
        }
    }

    public void Time(string field, DateTimeOffset? value)
    {
        if (value is { } at && TimeRules.WhyNot(at) is { } why)
        {
            Add(field, why);
        }
    }

    /// <summary>A resource map: valid names, non-negative amounts; when <paramref name="nonZero"/>, at least one positive amount.</summary>
    public ResourceVector? Resources(string field, IReadOnlyDictionary<string, long>? map, bool required, bool nonZero = false)
    {
        if (map is null)
        {
            if (required)
            {
                Add(field, "is required, e.g. {\"vcpu\": 4, \"memoryGiB\": 16}");
            }

            return null;
        }

        var ok = Limits(field, map);
        if (ok && nonZero && map.Values.All(v => v == 0))
        {
            Add(field, "must ask for a positive amount of at least one resource");
            ok = false;
        }

        return ok ? ResourceVector.From(map) : null;
    }

    /// <summary>A merge patch of resources: valid names, amounts in range or null (remove). Null when invalid or absent.</summary>
    public Dictionary<string, long?>? ResourcePatch(string field, Dictionary<string, long?>? patch)
    {
        if (patch is null)
        {
            Add(field, "is required: the amounts to change, e.g. {\"memoryGiB\": 32}; null removes a resource, one not named keeps its amount");
            return null;
        }

        var amounts = patch.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!.Value, StringComparer.Ordinal);
        var ok = Limits(field, amounts);
        foreach (var name in patch.Where(p => p.Value is null).Select(p => p.Key).Where(n => !ResourceNames.IsValid(n)))
        {
            Add($"{field}.{TextRules.Echo(name)}", "is not a valid resource name");
            ok = false;
        }

        return ok ? patch : null;
    }

    /// <summary>A per-resource limit map where explicit zeros matter (lending limit, approval threshold).</summary>
    public bool Limits(string field, IReadOnlyDictionary<string, long>? map)
    {
        var ok = true;
        foreach (var (name, value) in map ?? new Dictionary<string, long>())
        {
            if (!ResourceNames.IsValid(name))
            {
                Add($"{field}.{TextRules.Echo(name)}", "is not a valid resource name: a letter, then letters, digits, '.', '-', '_' or '/' (63 at most)");
                ok = false;
            }
            else if (value is < 0 or > ResourceAmounts.Max)
            {
                Add($"{field}.{name}", $"must be a whole number from 0 to {ResourceAmounts.Max} (got {value})");
                ok = false;
            }
        }

        return ok;
    }
}
