using CloudMgmt.Application.Pools;
using CloudMgmt.Portal.Pools;

namespace CloudMgmt.Portal.Tests.Pools;

/// <summary>The bars, the pools close to full, and the overview's chart data.</summary>
public sealed class PoolFiguresTests
{
    private static PoolResponse Pool(string id, long quota, long? reserved, long borrowed = 0, string? parent = null) => new(
        id, parent, null, new Dictionary<string, long> { ["vcpu"] = quota }, null, null, null, new Dictionary<string, long> { ["vcpu"] = quota },
        reserved is null ? null : new Dictionary<string, long> { ["vcpu"] = reserved.Value },
        reserved is null ? null : new Dictionary<string, long> { ["vcpu"] = borrowed }, reserved is null ? null : 1);

    [Theory]
    [InlineData(100, 89, false)]
    [InlineData(100, 90, true)]
    [InlineData(100, 120, true)]
    [InlineData(0, 0, false)]
    public void NearlyFullBars_AtNinetyPercentOrMore(long quota, long reserved, bool expected) =>
        Assert.Equal(expected, PoolFigures.NearlyFullBars(Pool("p", quota, reserved)).Count == 1);

    [Fact]
    public void NearlyFullBars_UsageNotShownToTheCaller_NeverFlagged() => Assert.Empty(PoolFigures.NearlyFullBars(Pool("p", 10, null)));

    [Fact]
    public void Bars_Borrowing_ShareAboveOneAndBorrowedPart()
    {
        var bar = PoolFigures.Bars(Pool("p", 10, 15, borrowed: 5)).Single();

        Assert.Equal(1.5, bar.Share);
        Assert.Equal(5, bar.Borrowed);
        Assert.Equal(MudBlazor.Color.Error, PoolFigures.ColorOf(bar.Share));
    }

    [Fact]
    public void OverviewChart_TopAndNextLevel_LargestQuotaFirstAtMostTwelve()
    {
        var cities = Enumerable.Range(1, 20).Select(i => new PoolTreeNode(Pool($"city{i:00}", i, 0, parent: "province"),
            [new PoolTreeNode(Pool($"county{i:00}", 1, 0, parent: $"city{i:00}"), [])])).ToList();
        var forest = new[] { new PoolTreeNode(Pool("province", 1000, 10), cities) };

        var data = OverviewChart.For(forest, "vcpu");

        Assert.Equal(OverviewChart.MaxPools, data.Labels.Count);
        Assert.Equal(["province", "city20", "city19"], data.Labels.Take(3));
        Assert.DoesNotContain(data.Labels, l => l.StartsWith("county", StringComparison.Ordinal)); // two levels only
        Assert.Equal(10, data.Reserved[0]);
    }
}
