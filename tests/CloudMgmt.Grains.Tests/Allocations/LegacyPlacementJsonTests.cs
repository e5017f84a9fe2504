using System.Text.Json.Nodes;
using CloudMgmt.Grains.Allocations;

namespace CloudMgmt.Grains.Tests.Allocations;

/// <summary>A placement decision stored before vectors had their JSON shape reads, after the upgrade, as one stored after it.</summary>
public sealed class LegacyPlacementJsonTests
{
    private const string Stored = """
        {"placed":true,"policyName":"binpack",
         "shares":[{"cloudId":"arm","resources":{"count":2,"isZero":false,"entries":[{"key":"memoryGiB","value":64},{"key":"vcpu","value":16}]}}],
         "clouds":[{"cloudId":"arm","verdicts":[{"filter":"capacity","passed":true,"reason":null}],"scores":{"binpack":0.5},"total":0.5,"eligible":true}],
         "reason":null}
        """;

    [Fact]
    public void Upgrade_SharesAsTypeMembers_BecomePlainMapsAndTheRestIsKept()
    {
        Assert.True(LegacyPlacementJson.IsLegacy(Stored));

        var upgraded = JsonNode.Parse(LegacyPlacementJson.Upgrade(Stored))!;

        Assert.Equal("""[{"cloudId":"arm","resources":{"memoryGiB":64,"vcpu":16}}]""", upgraded["shares"]!.ToJsonString());
        Assert.Equal(0.5, upgraded["clouds"]![0]!["scores"]!["binpack"]!.GetValue<double>());
        Assert.False(LegacyPlacementJson.IsLegacy(upgraded.ToJsonString()));
    }

    [Fact]
    public void Upgrade_EmptyVector_IsAnEmptyMap() =>
        Assert.Equal("""{"r":{}}""", LegacyPlacementJson.Upgrade("""{"r":{"count":0,"isZero":true,"entries":[]}}"""));

    [Fact]
    public void IsLegacy_CurrentShape_IsFalse() =>
        Assert.False(LegacyPlacementJson.IsLegacy("""{"shares":[{"cloudId":"a","resources":{"vcpu":1}}]}"""));
}
