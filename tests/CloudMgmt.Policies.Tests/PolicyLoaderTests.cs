using CloudMgmt.Policies.Loading;

namespace CloudMgmt.Policies.Tests;

public sealed class PolicyLoaderTests
{
    [Fact]
    public void Load_ShippedDefault_IsValid()
    {
        var (policy, errors) = PolicyLoader.Load(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "placement", "default.yaml")));

        Assert.Empty(errors);
        Assert.Equal("default", policy!.Name);
        Assert.Contains(policy.Filters, f => f.Name == "securityLevel" && f.Settings.Minimum == 2);
        Assert.Equal(["binpack", "cost", "locality"], policy.Scorers.Select(s => s.Name));
    }

    [Fact]
    public void Load_SeveralMistakes_ReportsEveryOneWithItsPath()
    {
        const string yaml = """
            apiVersion: cloudmgmt.io/v2
            kind: PlacementPolicy
            metadata: {name: broken}
            spec:
              filters:
                - name: capacity
                - name: securityLevel
                  minimum: 9
                - name: sekurity
                - name: region
                  poolRegions: {anhui: anhui}
              scorers:
                - name: binpack
                  weight: 500
                - name: bin-pack
              colour: blue
            """;

        var (policy, errors) = PolicyLoader.Load(yaml);

        Assert.Null(policy);
        Assert.Contains(errors, e => e.StartsWith("apiVersion: must be 'cloudmgmt.io/v1'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("spec.filters[1].minimum:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("spec.filters[2].name: unknown 'sekurity'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("spec.filters[3].poolRegions.anhui:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("spec.scorers[0].weight:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("spec.scorers[1].name: unknown 'bin-pack'; known: binpack", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("spec.colour: unknown field", StringComparison.Ordinal));
        Assert.Equal(7, errors.Count);
    }

    [Fact]
    public void Load_NotYaml_SaysWhere()
    {
        var (policy, errors) = PolicyLoader.Load("spec: [unclosed");

        Assert.Null(policy);
        Assert.Contains("not valid YAML", Assert.Single(errors), StringComparison.Ordinal);
    }
}
