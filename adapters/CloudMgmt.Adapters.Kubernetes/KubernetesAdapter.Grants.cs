using System.Net;
using CloudMgmt.Adapters.Kubernetes.Connection;
using CloudMgmt.Adapters.Kubernetes.Grants;
using CloudMgmt.Adapters.Kubernetes.Inventory;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace CloudMgmt.Adapters.Kubernetes;

public sealed partial class KubernetesAdapter
{
    private static readonly string ManagedSelector = $"{ManagementMarks.Managed}=true";

    public Task<AdapterResult<GrantObservation>> ApplyGrantAsync(GrantSpec grant, CancellationToken cancellationToken) =>
        CallAsync("apply quota", k => ApplyAsync(k, grant, cancellationToken), cancellationToken);

    public Task<AdapterResult<GrantObservation>> ResizeGrantAsync(GrantSpec grant, CancellationToken cancellationToken) =>
        CallAsync("resize quota", async k =>
        {
            var (ns, name) = Where(grant.Grant);
            await k.CoreV1.ReadNamespacedResourceQuotaAsync(name, ns, cancellationToken: cancellationToken); // 404: nothing to resize
            return await ApplyAsync(k, grant, cancellationToken);
        }, cancellationToken);

    /// <summary>Deletes every quota that carries the allocation's mark (normally the one we named; a leak may sit elsewhere).</summary>
    public Task<AdapterResult<GrantRef>> ReleaseGrantAsync(GrantRef grant, CancellationToken cancellationToken) =>
        CallAsync("release quota", async k =>
        {
            var marked = await k.CoreV1.ListResourceQuotaForAllNamespacesAsync(
                labelSelector: $"{ManagementMarks.Allocation}={KubeNames.LabelValue(grant.AllocationId)}", cancellationToken: cancellationToken);
            foreach (var quota in marked.Items.Where(q => AllocationOf(q) == grant.AllocationId))
            {
                await DeleteIfPresentAsync(k, quota.Metadata.Name, quota.Metadata.NamespaceProperty, cancellationToken);
            }

            var (ns, name) = Where(grant);
            await DeleteIfPresentAsync(k, name, ns, cancellationToken);
            return (AdapterResult<GrantRef>)grant;
        }, cancellationToken);

    public Task<AdapterResult<GrantObservation>> ObserveGrantAsync(GrantRef grant, CancellationToken cancellationToken) =>
        CallAsync("observe quota", async k =>
        {
            var (ns, name) = Where(grant);
            var quotas = await k.CoreV1.ListNamespacedResourceQuotaAsync(ns, labelSelector: ManagedSelector, cancellationToken: cancellationToken);
            var observed = await ObserveNamespaceAsync(k, ns, quotas.Items.ToList(), cancellationToken);
            return observed.FirstOrDefault(o => o.ExternalId == $"{ns}/{name}") is { } found
                ? (AdapterResult<GrantObservation>)found
                : AdapterError.Of(AdapterErrorKind.NotFound, $"no quota for allocation '{grant.AllocationId}' in namespace {ns}");
        }, cancellationToken);

    /// <summary>Every quota with our mark in any namespace, read in pages; use is read once per namespace.</summary>
    public Task<AdapterResult<IReadOnlyList<GrantObservation>>> ListGrantsAsync(CancellationToken cancellationToken) =>
        CallAsync("list quotas", async k =>
        {
            var quotas = await Paging.AllAsync(async next =>
            {
                var page = await k.CoreV1.ListResourceQuotaForAllNamespacesAsync(
                    continueParameter: next, labelSelector: ManagedSelector, limit: _settings.PageSize, cancellationToken: cancellationToken);
                return (page.Items, page.Metadata?.ContinueProperty);
            });
            var observed = new List<GrantObservation>(quotas.Count);
            foreach (var inNamespace in quotas.GroupBy(q => q.Metadata.NamespaceProperty, StringComparer.Ordinal))
            {
                observed.AddRange(await ObserveNamespaceAsync(k, inNamespace.Key, inNamespace.ToList(), cancellationToken));
            }

            return (AdapterResult<IReadOnlyList<GrantObservation>>)observed;
        }, cancellationToken);

    private async Task<AdapterResult<GrantObservation>> ApplyAsync(IKubernetes k, GrantSpec grant, CancellationToken cancellationToken)
    {
        var hard = _resources.ToHard(grant.Resources);
        if (!hard.Succeeded)
        {
            return hard.Error!;
        }

        var capacity = await CapacityAsync(k, cancellationToken);
        if (!grant.Resources.FitsWithin(capacity.Total))
        {
            return AdapterError.Of(AdapterErrorKind.InsufficientCapacity,
                $"the cluster's schedulable nodes hold {capacity.Total}, less than the {grant.Resources} asked for");
        }

        await EnsureSpaceAsync(k, grant.Grant.Tenant, cancellationToken);
        var (ns, name) = Where(grant.Grant);
        var manifest = Manifests.Quota(name, ns, grant, hard.Value!);
        V1ResourceQuota applied;
        try
        {
            applied = await k.CoreV1.PatchNamespacedResourceQuotaAsync(
                Apply(manifest), name, ns, fieldManager: FieldManager, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            // Another field manager changed our quota's limits (drift). The quota is ours by name and marks, and the controller
            // calls apply to restore it, so here, and only here, we take the fields back.
            applied = await k.CoreV1.PatchNamespacedResourceQuotaAsync(
                Apply(manifest), name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken);
        }

        var granted = _resources.FromQuota(applied.Spec?.Hard);
        return Observation(applied, granted, NamespaceUsage.ShareOf(granted, granted, _resources.FromQuota(applied.Status?.Used)));
    }

    private async Task<List<GrantObservation>> ObserveNamespaceAsync(IKubernetes k, string ns, IReadOnlyList<V1ResourceQuota> quotas, CancellationToken cancellationToken)
    {
        if (quotas.Count == 0)
        {
            return [];
        }

        var used = NamespaceUsage.Of(quotas, _resources, await _metrics.PodsAsync(k, ns, cancellationToken));
        var granted = quotas.Select(q => _resources.FromQuota(q.Spec?.Hard)).ToList();
        var total = granted.SelectMany(g => g).GroupBy(g => g.Key).ToDictionary(g => g.Key, g => g.Sum(e => e.Value), StringComparer.Ordinal);
        return quotas.Select((q, i) => Observation(q, granted[i], NamespaceUsage.ShareOf(granted[i], total, used))).ToList();
    }

    private static GrantObservation Observation(V1ResourceQuota quota, IReadOnlyDictionary<string, decimal> granted, Domain.Resources.ResourceVector used)
    {
        var labels = quota.Metadata.Labels ?? new Dictionary<string, string>();
        var annotations = quota.Metadata.Annotations ?? new Dictionary<string, string>();
        var marks = labels.Where(l => l.Key.StartsWith("cloudmgmt.io/", StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal);
        marks[ManagementMarks.Allocation] = AllocationOf(quota);
        if (annotations.TryGetValue(Manifests.TenantIdAnnotation, out var tenant))
        {
            marks[ManagementMarks.Tenant] = tenant;
        }

        if (annotations.TryGetValue(Manifests.PoolIdAnnotation, out var pool))
        {
            marks[ManagementMarks.Pool] = pool;
        }

        return new GrantObservation(
            marks[ManagementMarks.Allocation], marks.GetValueOrDefault(ManagementMarks.Tenant, ""), $"{quota.Metadata.NamespaceProperty}/{quota.Metadata.Name}",
            QuotaResources.Round(granted, Quantities.Down), used, null, marks);
    }

    /// <summary>The exact allocation id: the annotation when there is one (label values are limited), else the label.</summary>
    private static string AllocationOf(V1ResourceQuota quota) =>
        quota.Metadata.Annotations.Lookup(Manifests.AllocationIdAnnotation)
        ?? quota.Metadata.Labels.Lookup(ManagementMarks.Allocation)
        ?? quota.Metadata.Name;

    private (string Namespace, string Name) Where(GrantRef grant) =>
        (KubeNames.Namespace(_settings.NamespacePrefix, grant.Tenant.TenantId), KubeNames.Quota(_settings.NamespacePrefix, grant.AllocationId));

    /// <summary>The capacity a grant must fit in: the last description when fresh, else the nodes read now.</summary>
    private async Task<CloudCapacity> CapacityAsync(IKubernetes k, CancellationToken cancellationToken)
    {
        if (_capacity is { } known && _time.GetUtcNow() - known.At < CapacityFreshFor)
        {
            return known.Capacity;
        }

        return await ReadCapacityAsync(k, cancellationToken);
    }

    private async Task<CloudCapacity> ReadCapacityAsync(IKubernetes k, CancellationToken cancellationToken)
    {
        var nodes = await Paging.AllAsync(async next =>
        {
            var page = await k.CoreV1.ListNodeAsync(continueParameter: next, limit: _settings.PageSize, cancellationToken: cancellationToken);
            return (page.Items, page.Metadata?.ContinueProperty);
        });
        var capacity = NodeCapacity.From(nodes, _settings.GpuResource, _fallbackZone);
        _capacity = new CapacityReading(capacity, _time.GetUtcNow());
        return capacity;
    }

    private static async Task DeleteIfPresentAsync(IKubernetes k, string name, string ns, CancellationToken cancellationToken)
    {
        try
        {
            await k.CoreV1.DeleteNamespacedResourceQuotaAsync(name, ns, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // already gone (or its namespace is): released
        }
    }
}
