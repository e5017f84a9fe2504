using System.Text;
using System.Text.Json.Serialization;

namespace CloudMgmt.Domain.Resources;

/// <summary>
/// An immutable vector of named, non-negative integer amounts ("vcpu" = 4, "memoryGiB" = 16, ...).
/// A missing name means zero. Names are kept sorted (ordinal) in two parallel arrays, so that the
/// element-wise operations are a merge over a handful of entries with no dictionary look-ups:
/// admission runs them several times per pool on every request. In JSON it is a plain map of name
/// to amount (<see cref="ResourceVectorJsonConverter"/>).
/// </summary>
[JsonConverter(typeof(ResourceVectorJsonConverter))]
public sealed partial class ResourceVector : IEquatable<ResourceVector>
{
    private readonly string[] _names;
    private readonly long[] _values;

    public static readonly ResourceVector Zero = new([], []);

    private ResourceVector(string[] names, long[] values)
    {
        _names = names;
        _values = values;
    }

    /// <summary>Number of non-zero entries.</summary>
    public int Count => _names.Length;

    public bool IsZero => _names.Length == 0;

    /// <summary>The non-zero entries in name order.</summary>
    public IEnumerable<KeyValuePair<string, long>> Entries
    {
        get
        {
            for (var i = 0; i < _names.Length; i++)
            {
                yield return new(_names[i], _values[i]);
            }
        }
    }

    public IEnumerable<string> Names => _names;

    public long this[string name]
    {
        get
        {
            var i = Array.BinarySearch(_names, name, StringComparer.Ordinal);
            return i >= 0 ? _values[i] : 0;
        }
    }

    /// <summary>Builds a vector; zero entries are dropped. Throws on negative amounts or invalid names.</summary>
    public static ResourceVector From(IEnumerable<KeyValuePair<string, long>> entries)
    {
        var sorted = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, value) in entries)
        {
            if (!ResourceNames.IsValid(name))
            {
                throw new ArgumentException($"'{name}' is not a valid resource name.", nameof(entries));
            }

            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(entries), $"Resource '{name}' is negative ({value}).");
            }

            if (!sorted.TryAdd(name, value))
            {
                throw new ArgumentException($"Resource '{name}' is given twice.", nameof(entries));
            }
        }

        return FromSorted(sorted.Where(e => e.Value != 0).Select(e => e.Key).ToArray(),
            sorted.Where(e => e.Value != 0).Select(e => e.Value).ToArray());
    }

    public static ResourceVector Of(params (string Name, long Value)[] entries) =>
        From(entries.Select(e => new KeyValuePair<string, long>(e.Name, e.Value)));

    public static ResourceVector Of(long vcpu, long memoryGiB, long storageGiB = 0, long gpu = 0) =>
        Of((ResourceNames.Vcpu, vcpu), (ResourceNames.MemoryGiB, memoryGiB),
            (ResourceNames.StorageGiB, storageGiB), (ResourceNames.Gpu, gpu));

    /// <summary>Builds a vector from names already sorted (ordinal) and unique; zero amounts are dropped.</summary>
    internal static ResourceVector FromSortedArrays(string[] names, long[] values)
    {
        var nonZero = values.Count(v => v != 0);
        if (nonZero == names.Length)
        {
            return FromSorted(names, values);
        }

        var keptNames = new string[nonZero];
        var keptValues = new long[nonZero];
        for (int i = 0, m = 0; i < names.Length; i++)
        {
            if (values[i] != 0)
            {
                keptNames[m] = names[i];
                keptValues[m++] = values[i];
            }
        }

        return FromSorted(keptNames, keptValues);
    }

    /// <summary>The sorted union of the names of several vectors (shared when they are all the same).</summary>
    internal static string[] UnionOf(ResourceVector first, ResourceVector second, ResourceVector third)
    {
        bool Same(ResourceVector v) => v._names.Length == 0 || v._names.AsSpan().SequenceEqual(first._names);
        return Same(second) && Same(third)
            ? first._names
            : first._names.Union(second._names, StringComparer.Ordinal).Union(third._names, StringComparer.Ordinal)
                .Order(StringComparer.Ordinal).ToArray();
    }

    private static ResourceVector FromSorted(string[] names, long[] values) =>
        names.Length == 0 ? Zero : new ResourceVector(names, values);

    public Dictionary<string, long> ToDictionary()
    {
        var d = new Dictionary<string, long>(_names.Length, StringComparer.Ordinal);
        for (var i = 0; i < _names.Length; i++)
        {
            d[_names[i]] = _values[i];
        }

        return d;
    }

    public bool Equals(ResourceVector? other) =>
        other is not null && _names.AsSpan().SequenceEqual(other._names) && _values.AsSpan().SequenceEqual(other._values);

    public override bool Equals(object? obj) => obj is ResourceVector v && Equals(v);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var i = 0; i < _names.Length; i++)
        {
            hash.Add(_names[i]);
            hash.Add(_values[i]);
        }

        return hash.ToHashCode();
    }

    public override string ToString()
    {
        var sb = new StringBuilder("{");
        for (var i = 0; i < _names.Length; i++)
        {
            sb.Append(i == 0 ? " " : ", ").Append(_names[i]).Append('=').Append(_values[i]);
        }

        return sb.Append(" }").ToString();
    }
}
