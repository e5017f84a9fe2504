namespace CloudMgmt.Domain.Resources;

/// <summary>
/// A JSON merge patch (RFC 7396) of a resource vector: a name with an amount sets that amount, a
/// name with null removes the resource, and a name not mentioned keeps its amount. So a patch of
/// memory alone never touches vcpu.
/// </summary>
public static class ResourcePatch
{
    public static ResourceVector Apply(ResourceVector current, IReadOnlyDictionary<string, long?> patch)
    {
        var merged = current.Entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        foreach (var (name, amount) in patch)
        {
            if (amount is { } value)
            {
                merged[name] = value;
            }
            else
            {
                merged.Remove(name);
            }
        }

        return ResourceVector.From(merged);
    }
}
