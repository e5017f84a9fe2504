using CloudMgmt.Domain.Resources;
using CloudMgmt.Policies.Model;

namespace CloudMgmt.Policies.Tests;

/// <summary>Fluent builders for candidate clouds and requests.</summary>
internal static class Clouds
{
    public static PlacementCandidate Cloud(string id, long capacity = 100, long granted = 0, string region = "anhui") => new(
        id, "sandbox", region,
        new Dictionary<string, string> { ["securityLevel"] = "3", ["architecture"] = "x86_64", ["xinchuang"] = "false" },
        ResourceVector.Of(capacity, capacity * 4), ResourceVector.Of(granted, granted * 4), true, false,
        new Dictionary<string, decimal> { ["vcpu"] = 1m, ["memoryGiB"] = 0.1m });

    public static PlacementCandidate WithLabel(this PlacementCandidate c, string key, string value) =>
        c with { Labels = new Dictionary<string, string>(c.Labels) { [key] = value } };

    public static PlacementCandidate WithCost(this PlacementCandidate c, decimal perVcpu) =>
        c with { UnitCost = new Dictionary<string, decimal> { ["vcpu"] = perVcpu } };

    public static PlacementRequest Request(long vcpu = 10, int spread = 1, params (string Key, string Value)[] constraints) => new(
        "health", ["hefei-health", "hefei", "anhui"], ResourceVector.Of(vcpu, vcpu * 4),
        constraints.ToDictionary(c => c.Key, c => c.Value), spread);

    public static PlacementPolicy Policy(FilterSettings? settings = null, params (string Name, int Weight)[] scorers) => new(
        "test",
        new[] { "capacity", "healthy", "region", "securityLevel", "architecture", "sector", "tenantAccess" }
            .Select(f => new FilterSpec(f, settings ?? new FilterSettings())).ToList(),
        (scorers.Length == 0 ? new[] { (Name: "binpack", Weight: 1) } : scorers).Select(s => new ScorerSpec(s.Name, s.Weight)).ToList());
}
