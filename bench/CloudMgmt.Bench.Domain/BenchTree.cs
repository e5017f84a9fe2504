using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Bench.Domain;

/// <summary>
/// The benchmark tree: 1 province, 4 cities, 4 counties per city, 4 departments per county and,
/// at depth 5, 4 teams per department; every quota over 4 resources. Lending limits on vcpu keep
/// part of it local at cities and counties; the other resources are lent in full, so a leaf's
/// request spills all the way up to the province.
/// </summary>
internal static class BenchTree
{
    public const int Fanout = 4;

    public static QuotaTree Build(int depth)
    {
        var pools = new List<PoolDefinition> { new("province", null, ResourceVector.Of(4096, 16384, 65536, 64)) };
        AddChildren(pools, "province", level: 2, depth);
        return new QuotaTree(pools);
    }

    /// <summary>The first pool at the deepest level: province > city-0 > county-0-0 > ...</summary>
    public static string DeepestLeaf(int depth) => depth switch
    {
        4 => "city-0/county-0/dept-0",
        5 => "city-0/county-0/dept-0/team-0",
        _ => throw new ArgumentOutOfRangeException(nameof(depth), depth, "4 or 5 levels"),
    };

    private static void AddChildren(List<PoolDefinition> pools, string parent, int level, int depth)
    {
        if (level > depth)
        {
            return;
        }

        var (name, nominal, lending) = level switch
        {
            2 => ("city", ResourceVector.Of(256, 1024, 4096, 4), 128L),
            3 => ("county", ResourceVector.Of(64, 256, 1024, 2), 48L),
            4 => ("dept", ResourceVector.Of(16, 64, 256, 1), -1L),
            _ => ("team", ResourceVector.Of(4, 16, 64, 0), -1L),
        };
        for (var i = 0; i < Fanout; i++)
        {
            var id = parent == "province" ? $"{name}-{i}" : $"{parent}/{name}-{i}";
            pools.Add(new PoolDefinition(
                id,
                parent,
                nominal,
                BorrowingLimit: ResourceVector.Of(1_000_000, 1_000_000, 1_000_000, 1_000_000),
                LendingLimit: lending < 0 ? null : new Dictionary<string, long> { [ResourceNames.Vcpu] = lending }));
            AddChildren(pools, id, level + 1, depth);
        }
    }
}
