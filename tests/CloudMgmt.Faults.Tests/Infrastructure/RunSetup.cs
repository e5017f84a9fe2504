using System.Globalization;
using System.Net;

namespace CloudMgmt.Faults.Tests.Infrastructure;

/// <summary>What every run starts with, in one controller or a cluster: its quota tree, tenants and sandbox clouds.</summary>
public static class RunSetup
{
    /// <summary>The run's tree (a tenant in each department) and its two clouds, with the settings given for each.</summary>
    public static async Task SeedAsync(HttpClient op, Model.Tree tree, Func<string, Dictionary<string, string>> cloudSettings)
    {
        await op.Post("/api/v1/pools", new { id = tree.Province, quota = new { vcpu = 0, memoryGiB = 0 } }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/pools", new { id = tree.City, parent = tree.Province, quota = new { vcpu = 0, memoryGiB = 0 } }).Expect(HttpStatusCode.Created);
        foreach (var dept in tree.Departments)
        {
            await op.Post("/api/v1/pools", new
            {
                id = dept, parent = tree.City, quota = new { vcpu = Model.Tree.DepartmentVcpu, memoryGiB = Model.Tree.DepartmentVcpu * 4 },
                approvalThreshold = new { vcpu = Model.Tree.ApprovalAbove },
            }).Expect(HttpStatusCode.Created);
            await op.Post("/api/v1/tenants", new { id = tree.TenantOf(dept), pool = dept }).Expect(HttpStatusCode.Created);
        }

        foreach (var cloud in tree.Clouds)
        {
            await op.Post("/api/v1/clouds", new
            {
                id = cloud, kind = "sandbox", region = tree.Region, labels = new { securityLevel = "3", architecture = "x86_64", xinchuang = "false" },
                settings = cloudSettings(cloud),
            }).Expect(HttpStatusCode.Created);
        }
    }

    /// <summary>A run's sandbox cloud: failing and lagging as the seed says, small when the run exhausts its clouds.</summary>
    public static Dictionary<string, string> CloudSettings(Model.Tree tree, double failureRate, int seed)
    {
        var settings = new Dictionary<string, string>
        {
            ["failureRate"] = failureRate.ToString(CultureInfo.InvariantCulture), ["latencyMs"] = "1", ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
        };
        if (tree.Exhausting)
        {
            settings["capacity"] = Model.Tree.SmallCloud;
        }

        return settings;
    }
}
