using CloudMgmt.Domain.Resources;
using static CloudMgmt.Policies.Tests.Clouds;

namespace CloudMgmt.Policies.Tests;

public sealed class EngineTests
{
    [Theory]
    [InlineData("binpack", "full")]
    [InlineData("spread", "empty")]
    public void Place_FullnessScorer_PrefersAsNamed(string scorer, string expected)
    {
        var clouds = new[] { Cloud("empty", granted: 0), Cloud("full", granted: 70) };

        var decision = PlacementEngine.Place(Request(10), clouds, Policy(null, (scorer, 1)));

        Assert.Equal(expected, Assert.Single(decision.Shares).CloudId);
    }

    [Fact]
    public void Place_CostScorer_PrefersCheaperAndScoresInProportion()
    {
        var clouds = new[] { Cloud("dear").WithCost(4m), Cloud("cheap").WithCost(1m) };

        var decision = PlacementEngine.Place(Request(10), clouds, Policy(null, ("cost", 1)));

        Assert.Equal("cheap", decision.Shares[0].CloudId);
        Assert.Equal(25, decision.Clouds.Single(c => c.CloudId == "dear").Scores["cost"]);
    }

    [Fact]
    public void Place_LocalityOutweighsBinpackWhenWeightedSo()
    {
        var clouds = new[] { Cloud("far", granted: 80, region: "anhui-north"), Cloud("near", granted: 0, region: "anhui-south") };
        var request = Request(10, 1, ("nearRegion", "anhui-south"));

        var decision = PlacementEngine.Place(request, clouds, Policy(null, ("binpack", 1), ("locality", 3)));

        Assert.Equal("near", decision.Shares[0].CloudId);
    }

    [Fact]
    public void Place_SpreadOverThree_SplitsEvenlyOverTheBestThree()
    {
        var clouds = new[] { Cloud("a"), Cloud("b"), Cloud("c"), Cloud("d", granted: 99) };

        var decision = PlacementEngine.Place(Request(10, spread: 3), clouds, Policy());

        Assert.True(decision.Placed);
        Assert.Equal(["a", "b", "c"], decision.Shares.Select(s => s.CloudId).Order());
        Assert.Equal([4L, 3L, 3L], decision.Shares.Select(s => s.Resources[ResourceNames.Vcpu]));
        Assert.Equal(10, decision.Shares.Sum(s => s.Resources[ResourceNames.Vcpu]));
    }

    [Fact]
    public void Place_SpreadWiderThanEligibleClouds_RefusesAndSaysSo()
    {
        var decision = PlacementEngine.Place(Request(10, spread: 3), [Cloud("a"), Cloud("b")], Policy());

        Assert.False(decision.Placed);
        Assert.Contains("only 2 qualify", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Place_NoCloudQualifies_ExplainsEveryCloud()
    {
        var clouds = new[] { Cloud("small", capacity: 5), Cloud("down") with { Healthy = false } };

        var decision = PlacementEngine.Place(Request(10), clouds, Policy());

        Assert.False(decision.Placed);
        Assert.Empty(decision.Shares);
        Assert.All(decision.Clouds, c => Assert.Contains(c.Verdicts, v => !v.Passed && v.Reason is { Length: > 0 }));
    }

    [Fact]
    public void Place_EqualScores_TieGoesToLowerIdEveryTime()
    {
        var clouds = new[] { Cloud("zeta"), Cloud("alpha"), Cloud("mid") };

        var picks = Enumerable.Range(0, 5).Select(_ => PlacementEngine.Place(Request(10), clouds, Policy()).Shares[0].CloudId).Distinct();

        Assert.Equal(["alpha"], picks);
    }
}
