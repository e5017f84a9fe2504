namespace CloudMgmt.Domain.Resources;

public sealed partial class ResourceVector
{
    private delegate long Combine(long left, long right);

    public static ResourceVector operator +(ResourceVector a, ResourceVector b) => Merge(a, b, static (x, y) => checked(x + y));

    /// <summary>Element-wise subtraction clamped at zero (amounts never go negative).</summary>
    public ResourceVector SaturatingSubtract(ResourceVector b) => Merge(this, b, static (x, y) => Math.Max(0, x - y));

    /// <summary>Element-wise subtraction that must not go below zero; a negative result is a bug.</summary>
    public static ResourceVector operator -(ResourceVector a, ResourceVector b) => Merge(a, b, static (x, y) =>
        x - y >= 0 ? x - y : throw new InvalidOperationException($"Resource subtraction went negative ({x} - {y})."));

    public static ResourceVector Min(ResourceVector a, ResourceVector b) => Merge(a, b, Math.Min);

    public static ResourceVector Max(ResourceVector a, ResourceVector b) => Merge(a, b, Math.Max);

    /// <summary>True when every entry of this vector is at most the same entry of <paramref name="limit"/>.</summary>
    public bool FitsWithin(ResourceVector limit)
    {
        int i = 0, j = 0;
        while (i < _names.Length)
        {
            var cmp = j < limit._names.Length ? string.CompareOrdinal(_names[i], limit._names[j]) : -1;
            if (cmp < 0)
            {
                return false; // a non-zero amount where the limit is zero
            }

            if (cmp == 0 && _values[i] > limit._values[j])
            {
                return false;
            }

            if (cmp == 0)
            {
                i++;
            }

            j++;
        }

        return true;
    }

    /// <summary>Sorted union of the names of both vectors.</summary>
    public static IEnumerable<string> UnionNames(ResourceVector a, ResourceVector b) =>
        a._names.Union(b._names, StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private static ResourceVector Merge(ResourceVector a, ResourceVector b, Combine combine)
    {
        var names = new string[a._names.Length + b._names.Length];
        var values = new long[names.Length];
        int i = 0, j = 0, n = 0;
        while (i < a._names.Length || j < b._names.Length)
        {
            var cmp = i >= a._names.Length ? 1 : j >= b._names.Length ? -1 : string.CompareOrdinal(a._names[i], b._names[j]);
            var name = cmp <= 0 ? a._names[i] : b._names[j];
            var value = combine(cmp <= 0 ? a._values[i] : 0, cmp >= 0 ? b._values[j] : 0);
            if (cmp <= 0)
            {
                i++;
            }

            if (cmp >= 0)
            {
                j++;
            }

            if (value != 0)
            {
                names[n] = name;
                values[n++] = value;
            }
        }

        if (n == 0)
        {
            return Zero;
        }

        Array.Resize(ref names, n);
        Array.Resize(ref values, n);
        return new ResourceVector(names, values);
    }
}
