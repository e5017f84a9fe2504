using CloudMgmt.Adapters.Kubernetes.Connection;
using CloudMgmt.Adapters.Kubernetes.Grants;
using CloudMgmt.Domain.Resources;
using k8s.Models;

namespace CloudMgmt.Adapters.Kubernetes.Inventory;

/// <summary>
/// What a tenant namespace uses, and each grant's share of it. A ResourceQuota's <c>status.used</c>
/// is the whole namespace's use (the sum of its pods' requests and its claims' storage), so every
/// quota in one namespace shows the same figures; where <c>metrics.k8s.io</c> is served, the pods'
/// measured CPU and memory replace the requested ones, so that efficiency is computed on real use.
/// A namespace's use is shared out among its grants in proportion to what each grants.
/// </summary>
internal static class NamespaceUsage
{
    /// <summary>The namespace's use: the largest <c>status.used</c> of its quotas per resource, CPU and memory measured where known.</summary>
    public static Dictionary<string, decimal> Of(IReadOnlyList<V1ResourceQuota> quotas, QuotaResources resources, PodMetricsList? metrics)
    {
        var used = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var quota in quotas)
        {
            foreach (var (name, amount) in resources.FromQuota(quota.Status?.Used))
            {
                used[name] = Math.Max(used.GetValueOrDefault(name), amount);
            }
        }

        if (metrics is not null)
        {
            var containers = (metrics.Items ?? []).SelectMany(p => p.Containers ?? []).Select(c => c.Usage).OfType<IDictionary<string, ResourceQuantity>>().ToList();
            used[ResourceNames.Vcpu] = containers.Sum(u => Quantities.Value(u.Lookup("cpu")));
            used[ResourceNames.MemoryGiB] = containers.Sum(u => Quantities.Value(u.Lookup("memory"))) / Quantities.GiB;
        }

        return used;
    }

    /// <summary>Each grant's share of the namespace's use, rounded up to whole units.</summary>
    public static ResourceVector ShareOf(
        IReadOnlyDictionary<string, decimal> granted, IReadOnlyDictionary<string, decimal> namespaceGranted, IReadOnlyDictionary<string, decimal> used) =>
        QuotaResources.Round(
            used.ToDictionary(u => u.Key, u => namespaceGranted.GetValueOrDefault(u.Key) is var total and > 0
                ? u.Value * granted.GetValueOrDefault(u.Key) / total
                : 0m),
            Quantities.Up);
}
