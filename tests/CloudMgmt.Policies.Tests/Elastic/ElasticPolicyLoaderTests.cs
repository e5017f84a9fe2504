using CloudMgmt.Domain.Elastic;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Policies.Elastic;

namespace CloudMgmt.Policies.Tests.Elastic;

public sealed class ElasticPolicyLoaderTests
{
    private const string Header = """
        apiVersion: cloudmgmt.io/v1
        kind: ElasticPolicy
        metadata: {name: test}

        """;

    [Fact]
    public void Load_ShippedDefault_IsValidAndMatchesTheBuiltInDefaults()
    {
        var (policy, errors) = ElasticPolicyLoader.Load(ElasticPolicySource.ReadDefault());

        Assert.Empty(errors);
        Assert.Equal("default", policy!.Name);
        Assert.Equal(ElasticSettings.Default, policy.Defaults);
        Assert.Empty(policy.Pools);
    }

    [Fact]
    public void Load_DefaultsLeftOut_TakeTheShippedValues()
    {
        var (policy, errors) = ElasticPolicyLoader.Load(Header + "spec:\n  defaults: {highWatermark: 0.9, growStep: 4, growWindow: 30m}\n");

        Assert.Empty(errors);
        Assert.Equal(ElasticSettings.Default with { HighWatermark = 0.9, GrowStep = GrowStep.OfUnits(4), GrowWindow = TimeSpan.FromMinutes(30) }, policy!.Defaults);
    }

    [Fact]
    public void Load_SeveralMistakes_ReportsEveryOneWithItsPath()
    {
        const string yaml = Header + """
            spec:
              defaults:
                highWatermark: high
                growStep: -3
                growWindow: 15 minutes
                headroom: 0.5
                minimum: {vcpu: -1, "bad name": 1}
                idleEnabled: perhaps
                reclaimGrace: 3w
                colour: blue
              pools:
                hefei: {lowWatermark: 0.95}
              tenants:
                health: [not, a, mapping]
              extra: {}
            """;

        var (policy, errors) = ElasticPolicyLoader.Load(yaml);

        Assert.Null(policy);
        string[] paths =
        [
            "spec.defaults.highWatermark:", "spec.defaults.growStep:", "spec.defaults.growWindow:", "spec.defaults.headroom:",
            "spec.defaults.minimum.vcpu:", "spec.defaults.minimum.bad name:", "spec.defaults.idleEnabled:", "spec.defaults.reclaimGrace:",
            "spec.defaults.colour: unknown field", "spec.pools.hefei: lowWatermark (0.95) must be below highWatermark", "spec.tenants.health:",
            "spec.extra: unknown field",
        ];
        Assert.All(paths, p => Assert.Contains(errors, e => e.StartsWith(p, StringComparison.Ordinal)));
        Assert.True(paths.Length == errors.Count, string.Join("\n", errors));
    }

    [Fact]
    public void Load_WrongKindOrNotYaml_IsRefused()
    {
        Assert.Contains("kind: must be 'ElasticPolicy'", ElasticPolicyLoader.Load(Header.Replace("ElasticPolicy", "PlacementPolicy", StringComparison.Ordinal) + "spec: {}\n").Errors.Single(), StringComparison.Ordinal);
        Assert.StartsWith("(line", ElasticPolicyLoader.Load("spec: [unclosed").Errors.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void For_PoolAndTenantRules_TenantBeatsPoolAndNearerPoolBeatsAncestor()
    {
        const string yaml = Header + """
            spec:
              pools:
                province: {highWatermark: 0.7, growStep: 2, reclaimEnabled: false}
                hefei-health: {highWatermark: 0.9}
              tenants:
                health: {highWatermark: 0.95, minimum: {vcpu: 4}}
            """;
        var policy = ElasticPolicyLoader.Load(yaml).Policy!;
        string[] path = ["hefei-health", "hefei", "province"];

        var health = policy.For("health", path);
        var other = policy.For("other", path);
        var sibling = policy.For("other", ["hefei-transport", "hefei", "province"]);
        var elsewhere = policy.For("other", ["shanghai"]);

        Assert.Equal((0.95, GrowStep.OfUnits(2), false, ResourceVector.Of(("vcpu", 4))), (health.HighWatermark, health.GrowStep, health.ReclaimEnabled, health.Minimum));
        Assert.Equal(0.9, other.HighWatermark);
        Assert.Equal((0.7, false), (sibling.HighWatermark, sibling.ReclaimEnabled)); // the province's rule covers its subtree
        Assert.Equal(ElasticSettings.Default, elsewhere);
    }

    [Fact]
    public void FromFileOrDefault_InvalidFile_ThrowsWithEveryError()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, Header + "spec:\n  defaults: {highWatermark: 0.2, lowWatermark: 0.5}\n");

            var error = Assert.Throws<InvalidOperationException>(() => ElasticPolicySource.FromFileOrDefault(file));

            Assert.Contains("spec.defaults: lowWatermark (0.5) must be below highWatermark (0.2)", error.Message, StringComparison.Ordinal);
            Assert.Equal(ElasticSettings.Default, ElasticPolicySource.FromFileOrDefault(null).Current.Defaults);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
