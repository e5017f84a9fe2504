using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Bench.Load;

/// <summary>The 5-level tree both modes build: 1 + 4 + 16 + 64 + 256 pools, one tenant per leaf.</summary>
internal static class BenchTree
{
    public const int Fanout = 4;
    public const int Depth = 5;

    public sealed record Pool(string Id, string? Parent, ResourceVector Quota, IReadOnlyDictionary<string, long>? Lending);

    public static IEnumerable<Pool> Pools(bool guaranteed)
    {
        var big = ResourceVector.Of(100_000_000, 400_000_000);
        IReadOnlyDictionary<string, long>? lending = guaranteed ? new Dictionary<string, long> { ["vcpu"] = 0, ["memoryGiB"] = 0 } : null;
        var level = new List<string> { "province" };
        yield return new Pool("province", null, ResourceVector.Zero, null);
        for (var depth = 1; depth < Depth; depth++)
        {
            var next = new List<string>();
            foreach (var parent in level)
            {
                for (var i = 0; i < Fanout; i++)
                {
                    var id = $"{parent}-{i}";
                    next.Add(id);
                    var leaf = depth == Depth - 1;
                    yield return new Pool(id, parent, leaf ? big : ResourceVector.Zero, leaf ? lending : null);
                }
            }

            level = next;
        }
    }

    public static IReadOnlyList<string> Leaves(bool guaranteed) =>
        Pools(guaranteed).Where(p => p.Id.Count(c => c == '-') == Depth - 1).Select(p => p.Id).ToList();

    public static string TenantOf(string leaf) => "t-" + leaf;

    public static ResourceVector Request => ResourceVector.Of(1, 2);
}
