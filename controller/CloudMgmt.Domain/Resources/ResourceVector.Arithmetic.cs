namespace CloudMgmt.Domain.Resources;

public sealed partial class ResourceVector
{
    public static ResourceVector operator +(ResourceVector a, ResourceVector b) => Merge<AddOp>(a, b);

    /// <summary>Element-wise subtraction clamped at zero (amounts never go negative).</summary>
    public ResourceVector SaturatingSubtract(ResourceVector b) => Merge<SaturatingSubtractOp>(this, b);

    /// <summary>Element-wise subtraction that must not go below zero; a negative result is a bug.</summary>
    public static ResourceVector operator -(ResourceVector a, ResourceVector b) => Merge<SubtractOp>(a, b);

    public static ResourceVector Min(ResourceVector a, ResourceVector b) => Merge<MinOp>(a, b);

    public static ResourceVector Max(ResourceVector a, ResourceVector b) => Merge<MaxOp>(a, b);

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

    // The combiner is a generic struct so the JIT inlines it: admission merges vectors many times
    // per pool, and a delegate call per entry showed up as most of the admission time.
    private interface ICombine
    {
        static abstract long Apply(long left, long right);
    }

    private readonly struct AddOp : ICombine
    {
        public static long Apply(long left, long right) => checked(left + right);
    }

    private readonly struct SaturatingSubtractOp : ICombine
    {
        public static long Apply(long left, long right) => Math.Max(0, left - right);
    }

    private readonly struct SubtractOp : ICombine
    {
        public static long Apply(long left, long right) => left - right >= 0
            ? left - right
            : throw new InvalidOperationException($"Resource subtraction went negative ({left} - {right}).");
    }

    private readonly struct MinOp : ICombine
    {
        public static long Apply(long left, long right) => Math.Min(left, right);
    }

    private readonly struct MaxOp : ICombine
    {
        public static long Apply(long left, long right) => Math.Max(left, right);
    }

    /// <summary>Merges two sorted vectors in one pass on the stack, then allocates the result at its exact size.</summary>
    private static ResourceVector Merge<TCombine>(ResourceVector a, ResourceVector b)
        where TCombine : struct, ICombine
    {
        var length = a._names.Length + b._names.Length;
        if (length == 0)
        {
            return Zero;
        }

        Span<long> values = stackalloc long[length];
        Span<int> source = stackalloc int[length]; // index into a (>= 0) or ~index into b
        int i = 0, j = 0, n = 0, nonZero = 0;
        while (i < a._names.Length || j < b._names.Length)
        {
            var cmp = i >= a._names.Length ? 1
                : j >= b._names.Length ? -1
                : ReferenceEquals(a._names[i], b._names[j]) ? 0 : string.CompareOrdinal(a._names[i], b._names[j]);
            values[n] = TCombine.Apply(cmp <= 0 ? a._values[i] : 0, cmp >= 0 ? b._values[j] : 0);
            source[n] = cmp <= 0 ? i : ~j;
            nonZero += values[n] != 0 ? 1 : 0;
            i += cmp <= 0 ? 1 : 0;
            j += cmp >= 0 ? 1 : 0;
            n++;
        }

        return nonZero == 0 ? Zero : Compact(values[..n], source[..n], nonZero, a, b);
    }

    private static ResourceVector Compact(ReadOnlySpan<long> values, ReadOnlySpan<int> source, int nonZero, ResourceVector a, ResourceVector b)
    {
        var names = new string[nonZero];
        var kept = new long[nonZero];
        for (int k = 0, m = 0; k < values.Length; k++)
        {
            if (values[k] != 0)
            {
                names[m] = source[k] >= 0 ? a._names[source[k]] : b._names[~source[k]];
                kept[m++] = values[k];
            }
        }

        return new ResourceVector(names, kept);
    }
}
