using CloudMgmt.Policies.Model;
using static CloudMgmt.Policies.Tests.Clouds;

namespace CloudMgmt.Policies.Tests;

public sealed class FilterTests
{
    private static readonly FilterSettings Rules = new()
    {
        PoolRegions = new Dictionary<string, IReadOnlyList<string>> { ["hefei"] = ["anhui"] },
        Minimum = 2,
        AllowedSectors = new Dictionary<string, IReadOnlyList<string>> { ["sector-cloud"] = ["transport"] },
        Allow = new Dictionary<string, IReadOnlyList<string>> { ["finance-cloud"] = ["finance"] },
        Deny = new Dictionary<string, IReadOnlyList<string>> { ["burst-cloud"] = ["health"] },
    };

    public static TheoryData<string, PlacementCandidate, PlacementRequest, string?> Cases => new()
    {
        // case, cloud, request, the failing filter and a word of its reason (null: eligible)
        { "fits", Cloud("c"), Request(10), null },
        { "too small", Cloud("c", capacity: 100, granted: 95), Request(10), "capacity:short" },
        { "unhealthy", Cloud("c") with { Healthy = false }, Request(), "healthy:unhealthy" },
        { "drained", Cloud("c") with { Drained = true }, Request(), "healthy:drained" },
        { "request region ok", Cloud("c", region: "anhui"), Request(10, 1, ("region", "anhui,jiangsu")), null },
        { "request region other", Cloud("c", region: "zhejiang"), Request(10, 1, ("region", "anhui")), "region:requested" },
        { "pool residency", Cloud("c", region: "jiangsu"), Request(), "region:hefei" },
        { "below policy minimum", Cloud("c").WithLabel("securityLevel", "1"), Request(), "securityLevel:below the required 2" },
        { "below requested level", Cloud("c").WithLabel("securityLevel", "2"), Request(10, 1, ("minSecurityLevel", "3")), "securityLevel:required 3" },
        { "level met", Cloud("c").WithLabel("securityLevel", "3"), Request(10, 1, ("minSecurityLevel", "3")), null },
        { "wrong architecture", Cloud("c"), Request(10, 1, ("architecture", "aarch64")), "architecture:aarch64" },
        { "arm64 asked, cloud says aarch64", Cloud("c").WithLabel("architecture", "aarch64"), Request(10, 1, ("architecture", "arm64")), null },
        { "aarch64 asked, Kubernetes says arm64", Cloud("c").WithLabel("architecture", "arm64"), Request(10, 1, ("architecture", "aarch64")), null },
        { "AMD64 asked, cloud says x86_64", Cloud("c").WithLabel("architecture", "x86_64"), Request(10, 1, ("architecture", "AMD64")), null },
        { "arm64 asked, cloud says x86_64", Cloud("c").WithLabel("architecture", "x86_64"), Request(10, 1, ("architecture", "arm64")), "architecture:x86_64, not arm64" },
        { "xinchuang needed", Cloud("c"), Request(10, 1, ("xinchuang", "true")), "architecture:Xinchuang" },
        { "xinchuang met", Cloud("c").WithLabel("xinchuang", "true").WithLabel("architecture", "aarch64"),
            Request(10, 1, ("xinchuang", "true"), ("architecture", "aarch64")), null },
        { "sector cloud, other sector", Cloud("sector-cloud"), Request(10, 1, ("sector", "health")), "sector:transport" },
        { "sector cloud, its sector", Cloud("sector-cloud"), Request(10, 1, ("sector", "transport")), null },
        { "allow list excludes", Cloud("finance-cloud"), Request(), "tenantAccess:only finance" },
        { "deny list", Cloud("burst-cloud"), Request(), "tenantAccess:denied" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Place_OneCloud_FiltersDecideAndExplain(string name, PlacementCandidate cloud, PlacementRequest request, string? failure)
    {
        var decision = PlacementEngine.Place(request, [cloud], Policy(Rules));

        var evaluation = Assert.Single(decision.Clouds);
        Assert.True(failure is null == decision.Placed, name);
        if (failure is not null)
        {
            var (filter, word) = (failure.Split(':')[0], failure.Split(':')[1]);
            var failed = Assert.Single(evaluation.Verdicts, v => !v.Passed);
            Assert.Equal(filter, failed.Filter);
            Assert.Contains(word, failed.Reason, StringComparison.Ordinal);
        }
    }
}
