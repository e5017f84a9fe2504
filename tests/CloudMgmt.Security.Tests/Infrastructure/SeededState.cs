namespace CloudMgmt.Security.Tests.Infrastructure;

/// <summary>
/// What every probed controller starts with: a province with two cities, two sibling departments
/// under one of them, a tenant in each, an allocation of each tenant, a department key for the
/// health commission and a viewer key. Probes refer to these names.
/// </summary>
public static class SeededState
{
    public const string Province = "anhui";
    public const string City = "hefei";
    public const string OtherCity = "wuhu";
    public const string Department = "hefei-health";
    public const string SiblingDepartment = "hefei-transport";
    public const string Tenant = "health-commission";
    public const string SiblingTenant = "transport-bureau";

    /// <summary>The pools a key of <see cref="Tenant"/> may see: its own and its ancestors.</summary>
    public static readonly string[] TenantPoolPath = [Department, City, Province];

    public static IEnumerable<(string Url, object Body)> Requests() =>
    [
        ("/api/v1/pools", new { id = Province, displayName = "Anhui Province", quota = new { vcpu = 128, memoryGiB = 512 } }),
        ("/api/v1/pools", new { id = City, parent = Province, displayName = "Hefei", quota = new { vcpu = 64, memoryGiB = 256 } }),
        ("/api/v1/pools", new { id = OtherCity, parent = Province, displayName = "Wuhu", quota = new { vcpu = 32, memoryGiB = 128 } }),
        ("/api/v1/pools", new
        {
            id = Department, parent = City, displayName = "Hefei Health", quota = new { vcpu = 32, memoryGiB = 128 },
            borrowingLimit = new { vcpu = 8 }, approvalThreshold = new { vcpu = 24 },
        }),
        ("/api/v1/pools", new { id = SiblingDepartment, parent = City, displayName = "Hefei Transport", quota = new { vcpu = 16, memoryGiB = 64 } }),
        ("/api/v1/tenants", new { id = Tenant, pool = Department, displayName = "Hefei Health Commission" }),
        ("/api/v1/tenants", new { id = SiblingTenant, pool = SiblingDepartment, displayName = "Hefei Transport Bureau" }),
        ("/api/v1/allocations", new { tenant = Tenant, resources = new { vcpu = 4, memoryGiB = 16 } }),
        ("/api/v1/allocations", new { tenant = SiblingTenant, resources = new { vcpu = 6, memoryGiB = 24 } }),
    ];
}
