namespace CloudMgmt.Domain.Resources;

public static class ResourceAmounts
{
    /// <summary>
    /// The largest amount of one resource a quota, limit or request may name: a trillion units, far
    /// beyond any province's clouds, and small enough that the quota tree's sums (checked
    /// arithmetic on 64-bit amounts) cannot overflow short of nine million pools at this maximum.
    /// </summary>
    public const long Max = 1_000_000_000_000;
}
