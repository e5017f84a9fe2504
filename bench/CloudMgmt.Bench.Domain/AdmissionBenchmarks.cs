using BenchmarkDotNet.Attributes;
using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Bench.Domain;

/// <summary>
/// Admission on the in-memory <see cref="QuotaTree"/>: one accepted reservation released again,
/// and one request that climbs the whole path and is refused at the province. Every leaf already
/// holds one allocation, so the ledgers are not empty.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AdmissionBenchmarks
{
    private QuotaTree _tree = null!;
    private string _leaf = "";
    private ResourceVector _fits = ResourceVector.Zero;
    private ResourceVector _tooBig = ResourceVector.Zero;

    /// <summary>Pools on the path: province > city > county > department (4), then > team (5).</summary>
    [Params(4, 5)]
    public int Depth { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _tree = BenchTree.Build(Depth);
        _leaf = BenchTree.DeepestLeaf(Depth);
        var leaves = _tree.Pools.Values.Where(p => !_tree.Pools.Values.Any(c => c.ParentId == p.Id)).ToList();
        foreach (var leaf in leaves)
        {
            Check(_tree.Set(leaf.Id, $"{leaf.Id}/base", ResourceVector.Of(2, 8, 16, 0)), expected: true);
        }

        // Past the leaf's own quota on every resource, so it spills at each level up to the province.
        _fits = ResourceVector.Of(48, 192, 768, 2);
        // More gpu than the whole province has, but within every borrowing limit below it.
        _tooBig = ResourceVector.Of(1, 1, 1, _tree.LimitsOf("province").SubtreeQuota[ResourceNames.Gpu] + 1);
        Check(_tree.Set(_leaf, "probe", _fits), expected: true);
        _tree.Release("probe");
        var refused = _tree.Set(_leaf, "probe", _tooBig);
        Check(refused, expected: false);
        if (refused.Shortfalls[0].PoolId != "province")
        {
            throw new InvalidOperationException($"Refused at {refused.Shortfalls[0].PoolId}, not at the province.");
        }
    }

    [Benchmark(Description = "reserve + release (accepted)")]
    public bool ReserveThenRelease()
    {
        var accepted = _tree.Set(_leaf, "probe", _fits).Accepted;
        _tree.Release("probe");
        return accepted;
    }

    [Benchmark(Description = "reserve refused at the root")]
    public bool ReserveRefusedAtRoot() => _tree.Set(_leaf, "probe", _tooBig).Accepted;

    private static void Check(PathOutcome outcome, bool expected)
    {
        if (outcome.Accepted != expected)
        {
            throw new InvalidOperationException($"Expected accepted={expected}: {string.Join("; ", outcome.Shortfalls)}");
        }
    }
}
