using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;
using CsCheck;

namespace CloudMgmt.Domain.Tests.Support;

/// <summary>CsCheck generators for quota trees of depth 1–5 and operations on them.</summary>
internal static class QuotaGen
{
    public const int MaxDepth = 5;
    public const int MaxPools = 16;

    private static readonly string[] AllResources = [ResourceNames.Vcpu, ResourceNames.MemoryGiB, ResourceNames.Gpu];

    private static readonly Gen<long[]> Limits = Gen.Long[0, 10].Array[3];

    /// <summary>Per resource: -1 leaves it out of the lending limit (lent in full), else the limit.</summary>
    private static readonly Gen<long[]> Lending = Gen.Long[-1, 10].Array[3];

    // A pool: parent pick (0 = the pool just before, so chains stay likely), nominal, borrowing, lending.
    private static readonly Gen<(int ParentPick, long[] Nominal, long[]? Borrowing, long[]? Lending)> Pool =
        Gen.Select(Gen.Int[0, 3], Limits, Gen.Bool, Limits, Gen.Bool, Lending)
            .Select(t => (t.Item1, t.Item2, t.Item3 ? t.Item4 : null, t.Item5 ? t.Item6 : null));

    public static readonly Gen<Op> Op =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Long[0, 8].Array[3])
            .Select(t => new Op((OpKind)t.Item1, t.Item2, t.Item3, t.Item4));

    public static Gen<Scenario> Scenario(int maxOps) =>
        Gen.Select(Gen.Int[2, 3], Pool.Array[1, MaxPools], Op.Array[1, maxOps])
            .Select(t => new Scenario(AllResources[..t.Item1], Tree(AllResources[..t.Item1], t.Item2), t.Item3));

    private static PoolDefinition[] Tree(string[] resources, (int ParentPick, long[] Nominal, long[]? Borrowing, long[]? Lending)[] specs)
    {
        var pools = new PoolDefinition[specs.Length];
        var depth = new int[specs.Length];
        var parents = new int[specs.Length];
        for (var i = 0; i < specs.Length; i++)
        {
            var (pick, nominal, borrowing, lending) = specs[i];
            int? parent = null;
            if (i > 0)
            {
                var p = i - 1 - Math.Min(pick, i - 1);
                while (depth[p] >= MaxDepth)
                {
                    p = parents[p];
                }

                parent = parents[i] = p;
            }

            depth[i] = parent is { } q ? depth[q] + 1 : 1;
            pools[i] = new PoolDefinition(
                $"p{i}",
                parent is { } pp ? $"p{pp}" : null,
                Vector(resources, nominal),
                borrowing is null ? null : Vector(resources, borrowing),
                lending is null ? null : resources.Select((r, k) => (r, lending[k])).Where(l => l.Item2 >= 0)
                    .ToDictionary(l => l.r, l => l.Item2, StringComparer.Ordinal));
        }

        return pools;
    }

    private static ResourceVector Vector(string[] resources, long[] amounts) =>
        ResourceVector.Of(resources.Select((r, k) => (r, amounts[k])).ToArray());
}
