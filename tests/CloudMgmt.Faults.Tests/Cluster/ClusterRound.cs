using CloudMgmt.Faults.Tests.Model;

namespace CloudMgmt.Faults.Tests.Cluster;

/// <summary>
/// One clustered round, drawn from its seed: the operations (the same mix as the suite's, without
/// crash points: here a whole silo is lost), which node each goes to, which silo is lost and when.
/// <see cref="Before"/> run one at a time on all silos; <see cref="Burst"/> run at once, and the
/// victim is killed <see cref="KillAfter"/> into them; <see cref="While"/> run on the survivors
/// while the victim is down; then it comes back and the invariants are checked.
/// </summary>
public sealed record ClusterRound(
    int Seed, IReadOnlyList<Operation> Before, IReadOnlyList<Operation> Burst, IReadOnlyList<Operation> While,
    int Victim, TimeSpan KillAfter, IReadOnlyList<int> Nodes)
{
    public const int BeforeCount = 12;
    public const int BurstCount = 8;
    public const int WhileCount = 12;

    public static ClusterRound Draw(int seed, bool exhausting)
    {
        var ops = Operations.Draw(seed, BeforeCount + BurstCount + WhileCount, crashShare: 0, exhausting);
        var random = new Random(seed ^ 0x5eed);
        return new ClusterRound(
            seed, [.. ops.Take(BeforeCount)], [.. ops.Skip(BeforeCount).Take(BurstCount)], [.. ops.Skip(BeforeCount + BurstCount)],
            random.Next(ClusterFaultHost.Silos), TimeSpan.FromMilliseconds(random.Next(300)),
            [.. Enumerable.Range(0, ops.Count).Select(_ => random.Next(ClusterFaultHost.Silos))]);
    }

    /// <summary>The node the <paramref name="index"/>th operation of the round goes to, among those <paramref name="alive"/>.</summary>
    public int NodeFor(int index, IReadOnlyList<int> alive) => alive[Nodes[index % Nodes.Count] % alive.Count];

    public override string ToString() =>
        $"seed {Seed}: {Before.Count} operations on all {ClusterFaultHost.Silos} silos, {Burst.Count} at once with silo {Victim} killed {KillAfter.TotalMilliseconds:F0} ms in, {While.Count} while it is down";
}
