using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Grains.Persistence;

/// <summary>Conversions between domain vectors and the plain dictionaries grain state is stored as.</summary>
internal static class VectorState
{
    public static Dictionary<string, long> Save(ResourceVector vector) => vector.ToDictionary();

    public static ResourceVector Load(Dictionary<string, long>? values) =>
        values is null || values.Count == 0 ? ResourceVector.Zero : ResourceVector.From(values);

    public static Dictionary<string, long>? SaveOptional(ResourceVector? vector) => vector?.ToDictionary();

    public static ResourceVector? LoadOptional(Dictionary<string, long>? values) => values is null ? null : Load(values);

    public static Dictionary<string, long>? Copy(IReadOnlyDictionary<string, long>? map) =>
        map is null ? null : new Dictionary<string, long>(map, StringComparer.Ordinal);
}
