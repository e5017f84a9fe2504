using System.Text.Json.Nodes;

namespace CloudMgmt.Adapters.Kubernetes.Grants;

/// <summary>
/// The apply configurations we send with server-side apply: only the fields we own, so that the
/// API server records exactly those under our field manager and anything else stays someone else's.
/// </summary>
internal static class Manifests
{
    public const string LimitRangeName = "cloudmgmt-defaults";

    /// <summary>Exact ids that may not fit in a label value.</summary>
    public const string AllocationIdAnnotation = "cloudmgmt.io/allocation-id";
    public const string TenantIdAnnotation = "cloudmgmt.io/tenant-id";
    public const string PoolIdAnnotation = "cloudmgmt.io/pool-id";

    public static string Namespace(string name, TenantRef tenant) => new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["labels"] = new JsonObject
            {
                [ManagementMarks.Managed] = "true",
                [ManagementMarks.Tenant] = KubeNames.LabelValue(tenant.TenantId),
                [ManagementMarks.Pool] = KubeNames.LabelValue(tenant.PoolId),
            },
            ["annotations"] = new JsonObject { [TenantIdAnnotation] = tenant.TenantId, [PoolIdAnnotation] = tenant.PoolId },
        },
    }.ToJsonString();

    public static string LimitRange(string ns, Connection.LimitDefaults defaults) => new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "LimitRange",
        ["metadata"] = new JsonObject
        {
            ["name"] = LimitRangeName,
            ["namespace"] = ns,
            ["labels"] = new JsonObject { [ManagementMarks.Managed] = "true" },
        },
        ["spec"] = new JsonObject
        {
            ["limits"] = new JsonArray(new JsonObject
            {
                ["type"] = "Container",
                ["default"] = new JsonObject { ["cpu"] = defaults.Cpu, ["memory"] = defaults.Memory },
                ["defaultRequest"] = new JsonObject { ["cpu"] = defaults.RequestCpu, ["memory"] = defaults.RequestMemory },
            }),
        },
    }.ToJsonString();

    public static string Quota(string name, string ns, GrantSpec spec, IReadOnlyDictionary<string, string> hard)
    {
        var labels = new JsonObject();
        foreach (var (key, value) in spec.Labels.Where(l => KubeNames.IsLabelValue(l.Value)))
        {
            labels[key] = value;
        }

        foreach (var (key, value) in ManagementMarks.For(spec.Grant))
        {
            labels[key] = KubeNames.LabelValue(value);
        }

        var hardNode = new JsonObject();
        foreach (var (key, value) in hard)
        {
            hardNode[key] = value;
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ResourceQuota",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["labels"] = labels,
                ["annotations"] = new JsonObject
                {
                    [AllocationIdAnnotation] = spec.Grant.AllocationId,
                    [TenantIdAnnotation] = spec.Grant.Tenant.TenantId,
                    [PoolIdAnnotation] = spec.Grant.Tenant.PoolId,
                },
            },
            ["spec"] = new JsonObject { ["hard"] = hardNode },
        }.ToJsonString();
    }
}
