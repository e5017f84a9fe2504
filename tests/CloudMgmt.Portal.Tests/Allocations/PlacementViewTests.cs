using CloudMgmt.Portal.Allocations;

namespace CloudMgmt.Portal.Tests.Allocations;

/// <summary>A placement decision's JSON as the pages show it: verdicts, scores, shares; fields it does not know are left out, not fatal.</summary>
public sealed class PlacementViewTests
{
    private const string Decision = """
        {"placed":true,"policyName":"binpack","reason":null,"someFutureField":{"x":1},
         "clouds":[
           {"cloudId":"province-x86","verdicts":[{"filter":"capacity","passed":true},{"filter":"architecture","passed":true}],
            "scores":{"binpack":0.5,"cost":100},"total":20.5},
           {"cloudId":"xinchuang-arm","verdicts":[{"filter":"capacity","passed":true},{"filter":"architecture","passed":false,"reason":"aarch64, asked x86_64"}],
            "scores":{},"total":null}],
         "shares":[{"cloudId":"province-x86","resources":{"vcpu":4,"memoryGiB":8}}]}
        """;

    [Fact]
    public void From_Decision_CloudsWithVerdictsScoresAndShares()
    {
        var view = PlacementView.From(Decision)!;

        Assert.True(view.Placed);
        Assert.Equal("binpack", view.Policy);
        var x86 = view.Clouds.Single(c => c.Id == "province-x86");
        Assert.True(x86.Eligible);
        Assert.Equal(20.5, x86.Total);
        Assert.Equal(0.5, x86.Scores["binpack"]);
        Assert.Equal(new Dictionary<string, long> { ["vcpu"] = 4, ["memoryGiB"] = 8 }, x86.Share);
        var arm = view.Clouds.Single(c => c.Id == "xinchuang-arm");
        Assert.False(arm.Eligible);
        Assert.Equal("aarch64, asked x86_64", arm.Verdicts.Single(v => !v.Passed).Reason);
        Assert.Null(arm.Share);
        Assert.Null(arm.Total);
    }

    [Fact]
    public void From_OlderStoredShareAsEntries_ReadsTheAmounts()
    {
        var view = PlacementView.From("""
            {"placed":true,"clouds":[{"cloudId":"a","verdicts":[]}],
             "shares":[{"cloudId":"a","resources":{"entries":[{"key":"vcpu","value":2}]}}]}
            """)!;

        Assert.Equal(new Dictionary<string, long> { ["vcpu"] = 2 }, view.Clouds.Single().Share);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("null")]
    public void From_NoPlacement_IsNull(string? json) => Assert.Null(PlacementView.From(json));
}
