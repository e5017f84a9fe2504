using System.Text.Json.Nodes;

namespace CloudMgmt.Adapters.Kubernetes.Tests.FakeApi;

/// <summary>
/// A real-looking mixed-architecture cluster: three amd64 workers in two zones (one with two GPUs,
/// one with a kubelet-reserved odd allocatable), two arm64 (Kunpeng) workers in the same two zones,
/// a control-plane node tainted NoSchedule and a cordoned amd64 worker.
/// </summary>
internal static class ClusterFixture
{
    public const string ZoneA = "hefei-a";
    public const string ZoneB = "hefei-b";

    public static void Seed(FakeKubeStore store)
    {
        store.Seed("nodes", null, Node("worker-amd-1", "amd64", ZoneA, "16", "64Gi", gpus: "2"));
        store.Seed("nodes", null, Node("worker-amd-2", "amd64", ZoneA, "15890m", "65843072Ki"));
        store.Seed("nodes", null, Node("worker-amd-3", "amd64", ZoneB, "16", "64Gi"));
        store.Seed("nodes", null, Node("worker-arm-1", "arm64", ZoneA, "32", "128Gi"));
        store.Seed("nodes", null, Node("worker-arm-2", "arm64", ZoneB, "32", "128Gi"));
        store.Seed("nodes", null, Node("control-plane-1", "amd64", ZoneA, "8", "32Gi",
            taint: new JsonObject { ["key"] = "node-role.kubernetes.io/control-plane", ["effect"] = "NoSchedule" }));
        store.Seed("nodes", null, Node("worker-amd-4", "amd64", ZoneB, "16", "64Gi", cordoned: true));
    }

    private static JsonObject Node(string name, string arch, string zone, string cpu, string memory, string? gpus = null, JsonObject? taint = null, bool cordoned = false)
    {
        var allocatable = new JsonObject { ["cpu"] = cpu, ["memory"] = memory, ["ephemeral-storage"] = "100Gi", ["pods"] = "110" };
        if (gpus is not null)
        {
            allocatable["nvidia.com/gpu"] = gpus;
        }

        var labels = new JsonObject
        {
            ["kubernetes.io/arch"] = arch, ["kubernetes.io/os"] = "linux", ["kubernetes.io/hostname"] = name,
            ["topology.kubernetes.io/zone"] = zone, ["topology.kubernetes.io/region"] = "anhui",
        };
        var spec = new JsonObject { ["podCIDR"] = "10.244.0.0/24" };
        if (taint is not null)
        {
            labels["node-role.kubernetes.io/control-plane"] = "";
            spec["taints"] = new JsonArray(taint);
        }

        if (cordoned)
        {
            spec["unschedulable"] = true;
            spec["taints"] = new JsonArray(new JsonObject { ["key"] = "node.kubernetes.io/unschedulable", ["effect"] = "NoSchedule", ["timeAdded"] = FakeKubeStore.Now });
        }

        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = labels },
            ["spec"] = spec,
            ["status"] = new JsonObject
            {
                ["capacity"] = allocatable.DeepClone(),
                ["allocatable"] = allocatable,
                ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True", ["reason"] = "KubeletReady" }),
                ["nodeInfo"] = new JsonObject { ["architecture"] = arch, ["kubeletVersion"] = "v1.31.4", ["operatingSystem"] = "linux" },
            },
        };
    }
}
