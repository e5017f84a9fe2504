using CloudMgmt.Application.Pools;
using MudBlazor;

namespace CloudMgmt.Portal.Pools;

/// <summary>
/// The overview's chart of pools for one resource: quota and reserved side by side, for the pools at
/// the top of the caller's part of the tree and the level below (the province and its cities, or a
/// city and its counties), largest quota first, at most <see cref="MaxPools"/> of them.
/// </summary>
public static class OverviewChart
{
    public const int MaxPools = 12;

    public sealed record Data(IReadOnlyList<string> Labels, IReadOnlyList<double> Quota, IReadOnlyList<double> Reserved);

    public static Data For(IReadOnlyList<PoolTreeNode> forest, string resource)
    {
        var pools = forest.SelectMany(n => n.Children.Select(c => c.Pool).Prepend(n.Pool))
            .Where(p => p.SubtreeQuota.ContainsKey(resource) || p.Reserved?.ContainsKey(resource) == true)
            .OrderByDescending(p => p.SubtreeQuota.GetValueOrDefault(resource)).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(MaxPools).ToList();
        return new Data(
            pools.Select(p => p.DisplayName ?? p.Id).ToList(),
            pools.Select(p => (double)p.SubtreeQuota.GetValueOrDefault(resource)).ToList(),
            pools.Select(p => (double)(p.Reserved?.GetValueOrDefault(resource) ?? 0)).ToList());
    }

    public static List<ChartSeries<double>> Series(Data data, string quotaName, string reservedName) =>
    [
        new() { Name = quotaName, Data = new ChartData<double>(data.Quota) },
        new() { Name = reservedName, Data = new ChartData<double>(data.Reserved) },
    ];
}
