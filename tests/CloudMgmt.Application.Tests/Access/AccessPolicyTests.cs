using CloudMgmt.Application.Access;
using CloudMgmt.Grains.Keys;
using static CloudMgmt.Application.Access.AccessKind;

namespace CloudMgmt.Application.Tests.Access;

/// <summary>
/// The tree of these tests: province > hefei > feixi (tenant health), province > hefei (tenant
/// housing), province > wuhu (tenant education). Callers: unscoped operator and viewer, operator
/// and viewer scoped to hefei, the health department.
/// </summary>
public sealed class AccessPolicyTests
{
    private static readonly string[] Province = ["province"];
    private static readonly string[] Hefei = ["province", "hefei"];
    private static readonly string[] Feixi = ["province", "hefei", "feixi"];
    private static readonly string[] Wuhu = ["province", "wuhu"];

    private static readonly Dictionary<string, Principal> Callers = new()
    {
        ["operator"] = new(PrincipalKind.Key, "k-op", "ops", ApiRole.Operator),
        ["viewer"] = new(PrincipalKind.Key, "k-view", "audit office", ApiRole.Viewer),
        ["operator@hefei"] = new(PrincipalKind.Key, "k-hefei", "hefei ops", ApiRole.Operator, Pool: "hefei"),
        ["viewer@hefei"] = new(PrincipalKind.Oidc, "wang.li", "Wang Li", ApiRole.Viewer, Pool: "hefei"),
        ["department@health"] = new(PrincipalKind.Key, "k-health", "health", ApiRole.Department, Tenant: "health"),
    };

    private static readonly Dictionary<string, Resource> Resources = new()
    {
        ["pool province"] = Resource.Pool(Province),
        ["pool hefei"] = Resource.Pool(Hefei),
        ["pool feixi"] = Resource.Pool(Feixi),
        ["pool wuhu"] = Resource.Pool(Wuhu),
        ["allocation of health"] = new(ResourceKind.Allocation, "a1", Feixi, "health"),
        ["allocation of housing"] = new(ResourceKind.Allocation, "a2", Hefei, "housing"),
        ["allocation of education"] = new(ResourceKind.Allocation, "a3", Wuhu, "education"),
        ["cloud"] = Resource.Cloud("gov-openstack"),
        ["tree"] = Resource.WholeTree(),
    };

    public static TheoryData<string, string, string, AccessKind> Cases()
    {
        var data = new TheoryData<string, string, string, AccessKind>();
        void Row(string caller, string operation, string resource, AccessKind expected) => data.Add(caller, operation, resource, expected);

        // Unscoped operator: everything.
        foreach (var r in Resources.Keys) Row("operator", "pool.update", r, Allowed);
        Row("operator", "cloud.register", "cloud", Allowed);
        Row("operator", "allocation.approve", "allocation of education", Allowed);

        // Unscoped viewer: reads everything, changes nothing (403 whatever the resource).
        Row("viewer", "pool.read", "pool wuhu", Allowed);
        Row("viewer", "allocation.read", "allocation of education", Allowed);
        Row("viewer", "pool.update", "pool wuhu", Forbidden);
        Row("viewer", "allocation.release", "allocation of health", Forbidden);
        Row("viewer", "key.read", "tree", Forbidden);
        Row("viewer", "audit.verify", "tree", Allowed);

        // Operator scoped to hefei: its subtree; the pools below it but not hefei itself; never clouds.
        Row("operator@hefei", "pool.read", "pool hefei", Allowed);
        Row("operator@hefei", "pool.read", "pool feixi", Allowed);
        Row("operator@hefei", "pool.read", "pool province", Hidden);
        Row("operator@hefei", "pool.read", "pool wuhu", Hidden);
        Row("operator@hefei", "pool.update", "pool feixi", Allowed);
        Row("operator@hefei", "pool.update", "pool hefei", Forbidden);
        Row("operator@hefei", "pool.update", "pool province", Hidden);
        Row("operator@hefei", "pool.update", "pool wuhu", Hidden);
        Row("operator@hefei", "allocation.approve", "allocation of health", Allowed);
        Row("operator@hefei", "allocation.approve", "allocation of housing", Allowed);
        Row("operator@hefei", "allocation.approve", "allocation of education", Hidden);
        Row("operator@hefei", "allocation.read", "allocation of education", Hidden);
        Row("operator@hefei", "cloud.read", "cloud", Allowed);
        Row("operator@hefei", "cloud.register", "cloud", Forbidden);
        Row("operator@hefei", "reconcile.run", "tree", Forbidden);
        Row("operator@hefei", "audit.verify", "tree", Forbidden);
        Row("operator@hefei", "key.read", "tree", Hidden);

        // Viewer scoped to hefei: reads its subtree only.
        Row("viewer@hefei", "allocation.read", "allocation of housing", Allowed);
        Row("viewer@hefei", "allocation.read", "allocation of education", Hidden);
        Row("viewer@hefei", "pool.read", "pool province", Hidden);
        Row("viewer@hefei", "pool.update", "pool feixi", Forbidden);
        Row("viewer@hefei", "pool.update", "pool wuhu", Forbidden); // the role first: a 403 says nothing about wuhu

        // Department health: its tenant; reads the pools on its path; never another tenant, even a sibling.
        Row("department@health", "allocation.read", "allocation of health", Allowed);
        Row("department@health", "allocation.release", "allocation of health", Allowed);
        Row("department@health", "allocation.read", "allocation of housing", Hidden);
        Row("department@health", "allocation.release", "allocation of education", Hidden);
        Row("department@health", "allocation.approve", "allocation of health", Forbidden);
        Row("department@health", "pool.read", "pool feixi", Allowed);
        Row("department@health", "pool.read", "pool province", Allowed);
        Row("department@health", "pool.read", "pool wuhu", Hidden);
        Row("department@health", "pool.update", "pool feixi", Forbidden);
        Row("department@health", "cloud.read", "cloud", Allowed);
        Row("department@health", "key.create", "tree", Forbidden);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_CallerOperationResource_AsTheRolesAndScopesSay(string caller, string operation, string resource, AccessKind expected)
    {
        var op = typeof(Operations).GetFields().Select(f => (Operation)f.GetValue(null)!).Single(o => o.Name == operation);

        var decision = AccessPolicy.Decide(Callers[caller], op, Resources[resource], tenantPath: Feixi);

        Assert.Equal(expected, decision.Kind);
        Assert.Equal(expected == Allowed, decision.Reason is null);
    }

    [Fact]
    public void Decide_SystemActor_IsAllowedEverything()
    {
        var all = typeof(Operations).GetFields().Select(f => (Operation)f.GetValue(null)!);

        Assert.All(all, op => Assert.True(AccessPolicy.Decide(Principal.Elastic, op, Resources["allocation of education"]).Allowed));
    }

    [Fact]
    public void Decide_DepartmentWithoutTenant_ReachesNothing()
    {
        var lost = new Principal(PrincipalKind.Oidc, "x", null, ApiRole.Department);

        Assert.Equal(Hidden, AccessPolicy.Decide(lost, Operations.AllocationRead, Resources["allocation of health"]).Kind);
        Assert.Equal(Hidden, AccessPolicy.Decide(lost, Operations.PoolRead, Resources["pool province"], Feixi).Kind);
    }

    [Fact]
    public void Decide_ScopedByPoolNamedLikeAnother_MatchesWholeIdsOnly()
    {
        var hef = new Principal(PrincipalKind.Key, "k", null, ApiRole.Operator, Pool: "hef");

        Assert.Equal(Hidden, AccessPolicy.Decide(hef, Operations.PoolRead, Resources["pool hefei"]).Kind);
    }

    [Fact]
    public void Operations_NamesAreUniqueAndEveryRoleListIsNonEmpty()
    {
        var all = typeof(Operations).GetFields().Select(f => (Operation)f.GetValue(null)!).ToList();

        Assert.Equal(all.Count, all.Select(o => o.Name).Distinct().Count());
        Assert.All(all, o => Assert.NotEmpty(o.Roles));
    }
}
