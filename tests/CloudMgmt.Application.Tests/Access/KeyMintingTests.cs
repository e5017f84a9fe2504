using CloudMgmt.Application.Access;
using CloudMgmt.Grains.Keys;
using static CloudMgmt.Application.Access.AccessKind;

namespace CloudMgmt.Application.Tests.Access;

public sealed class KeyMintingTests
{
    private static readonly DateTimeOffset June = new(2027, 6, 30, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Hefei = ["province", "hefei"];
    private static readonly string[] Feixi = ["province", "hefei", "feixi"];
    private static readonly string[] Wuhu = ["province", "wuhu"];

    private static readonly Principal Operator = new(PrincipalKind.Key, "k-op", null, ApiRole.Operator);
    private static readonly Principal HefeiOps = new(PrincipalKind.Key, "k-hefei", null, ApiRole.Operator, Pool: "hefei", ExpiresAt: June);

    private static Resource ScopedAt(string[] path) => new(ResourceKind.Key, null, path);

    private static Resource TenantIn(string[] path, string tenant) => new(ResourceKind.Key, null, path, tenant);

    public static TheoryData<string, AccessKind> Cases() => new()
    {
        { "unscoped operator mints an unscoped operator key", Allowed },
        { "hefei operator mints a feixi operator key expiring with it", Allowed },
        { "hefei operator mints a hefei viewer key expiring earlier", Allowed },
        { "hefei operator mints a department key for a tenant below it", Allowed },
        { "hefei operator mints an unscoped key", Forbidden },
        { "hefei operator mints a key scoped to wuhu", Hidden },
        { "hefei operator mints a key for a tenant in wuhu", Hidden },
        { "hefei operator mints a key that never expires", Forbidden },
        { "hefei operator mints a key that outlives it", Forbidden },
        { "viewer mints a viewer key", Forbidden },
        { "department mints a department key for itself", Forbidden },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_Grant_NoBroaderThanItsCreator(string story, AccessKind expected)
    {
        var (creator, grant, reach) = story switch
        {
            "unscoped operator mints an unscoped operator key" => (Operator, new KeyGrant(ApiRole.Operator, null, null, null), Resource.WholeTree(ResourceKind.Key)),
            "hefei operator mints a feixi operator key expiring with it" => (HefeiOps, new KeyGrant(ApiRole.Operator, null, "feixi", June), ScopedAt(Feixi)),
            "hefei operator mints a hefei viewer key expiring earlier" => (HefeiOps, new KeyGrant(ApiRole.Viewer, null, "hefei", June.AddDays(-1)), ScopedAt(Hefei)),
            "hefei operator mints a department key for a tenant below it" => (HefeiOps, new KeyGrant(ApiRole.Department, "health", null, June), TenantIn(Feixi, "health")),
            "hefei operator mints an unscoped key" => (HefeiOps, new KeyGrant(ApiRole.Viewer, null, null, June), Resource.WholeTree(ResourceKind.Key)),
            "hefei operator mints a key scoped to wuhu" => (HefeiOps, new KeyGrant(ApiRole.Operator, null, "wuhu", June), ScopedAt(Wuhu)),
            "hefei operator mints a key for a tenant in wuhu" => (HefeiOps, new KeyGrant(ApiRole.Department, "education", null, June), TenantIn(Wuhu, "education")),
            "hefei operator mints a key that never expires" => (HefeiOps, new KeyGrant(ApiRole.Viewer, null, "feixi", null), ScopedAt(Feixi)),
            "hefei operator mints a key that outlives it" => (HefeiOps, new KeyGrant(ApiRole.Viewer, null, "feixi", June.AddSeconds(1)), ScopedAt(Feixi)),
            "viewer mints a viewer key" => (Operator with { Role = ApiRole.Viewer }, new KeyGrant(ApiRole.Viewer, null, null, null), Resource.WholeTree(ResourceKind.Key)),
            "department mints a department key for itself" => (new Principal(PrincipalKind.Key, "k-h", null, ApiRole.Department, Tenant: "health"),
                new KeyGrant(ApiRole.Department, "health", null, null), TenantIn(Feixi, "health")),
            _ => throw new ArgumentOutOfRangeException(nameof(story)),
        };

        Assert.Equal(expected, KeyMinting.Check(creator, grant, reach).Kind);
    }
}
