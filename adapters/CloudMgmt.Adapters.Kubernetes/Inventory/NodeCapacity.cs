using System.Globalization;
using CloudMgmt.Adapters.Kubernetes.Connection;
using CloudMgmt.Adapters.Kubernetes.Grants;
using CloudMgmt.Domain.Resources;
using k8s.Models;

namespace CloudMgmt.Adapters.Kubernetes.Inventory;

/// <summary>
/// The cluster's capacity: the sum of node <c>status.allocatable</c> over the nodes that take
/// tenant pods (not cordoned, not tainted as control plane), per <c>topology.kubernetes.io/zone</c>
/// and <c>kubernetes.io/arch</c>. Architectures use the names placement knows (amd64 = x86_64,
/// arm64 = aarch64). storageGiB is the nodes' allocatable ephemeral storage: persistent volume
/// capacity lives in storage drivers, which the API does not sum up.
/// </summary>
internal static class NodeCapacity
{
    private const string ZoneLabel = "topology.kubernetes.io/zone";
    private const string LegacyZoneLabel = "failure-domain.beta.kubernetes.io/zone";
    private const string ArchLabel = "kubernetes.io/arch";
    private static readonly string[] ControlPlaneTaints = ["node-role.kubernetes.io/control-plane", "node-role.kubernetes.io/master"];

    public static CloudCapacity From(IEnumerable<V1Node> nodes, string gpuResource, string fallbackZone)
    {
        var slices = new SortedDictionary<(string Zone, string Arch), (decimal Cpu, decimal Memory, decimal Storage, decimal Gpu, int Nodes)>();
        foreach (var node in nodes.Where(TakesTenantPods))
        {
            var labels = node.Metadata?.Labels ?? new Dictionary<string, string>();
            var zone = labels.TryGetValue(ZoneLabel, out var z) || labels.TryGetValue(LegacyZoneLabel, out z) ? z : fallbackZone;
            var key = (zone, Architecture(labels.Lookup(ArchLabel)));
            var allocatable = node.Status?.Allocatable ?? new Dictionary<string, ResourceQuantity>();
            var sum = slices.GetValueOrDefault(key);
            slices[key] = (
                sum.Cpu + Quantities.Value(allocatable.Lookup("cpu")),
                sum.Memory + Quantities.Value(allocatable.Lookup("memory")),
                sum.Storage + Quantities.Value(allocatable.Lookup("ephemeral-storage")),
                sum.Gpu + Quantities.Value(allocatable.Lookup(gpuResource)),
                sum.Nodes + 1);
        }

        return new CloudCapacity(slices.Select(s => new CapacitySlice(
            s.Key.Zone, s.Key.Arch,
            new Dictionary<string, string> { ["architecture"] = s.Key.Arch, ["nodes"] = s.Value.Nodes.ToString(CultureInfo.InvariantCulture) },
            ResourceVector.Of(
                Quantities.Down(s.Value.Cpu), Quantities.Down(s.Value.Memory / Quantities.GiB),
                Quantities.Down(s.Value.Storage / Quantities.GiB), Quantities.Down(s.Value.Gpu)))).ToList());
    }

    /// <summary>Cordoned nodes and control-plane nodes (tainted NoSchedule or NoExecute) take no tenant pods.</summary>
    public static bool TakesTenantPods(V1Node node) =>
        node.Spec?.Unschedulable != true
        && !(node.Spec?.Taints ?? []).Any(t => ControlPlaneTaints.Contains(t.Key) && t.Effect is "NoSchedule" or "NoExecute");

    public static string Architecture(string? kubernetesArch) => kubernetesArch switch
    {
        "amd64" => "x86_64",
        "arm64" => "aarch64",
        null or "" => "unknown",
        var other => other,
    };
}
