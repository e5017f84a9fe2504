using k8s;
using k8s.Autorest;
using k8s.Models;

namespace CloudMgmt.Adapters.Kubernetes.Inventory;

/// <summary>
/// Reads a namespace's pod metrics from <c>metrics.k8s.io</c> where the cluster serves it. A cluster
/// without metrics-server answers 404 (or 503 while its APIService is unavailable); that is
/// remembered for a while, so that a cluster without metrics costs no extra call per namespace.
/// </summary>
internal sealed class MetricsAvailability(TimeProvider time)
{
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromMinutes(5);
    private DateTimeOffset? _absentSince;

    public async Task<PodMetricsList?> PodsAsync(IKubernetes client, string ns, CancellationToken cancellationToken)
    {
        if (_absentSince is { } since && time.GetUtcNow() - since < RecheckAfter)
        {
            return null;
        }

        try
        {
            var list = await client.CustomObjects.ListNamespacedCustomObjectAsync<PodMetricsList>(
                "metrics.k8s.io", "v1beta1", ns, "pods", cancellationToken: cancellationToken);
            _absentSince = null;
            return list;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.ServiceUnavailable
            or System.Net.HttpStatusCode.Forbidden)
        {
            // Not served (or not for us): usage comes from the quotas' status alone.
            _absentSince = time.GetUtcNow();
            return null;
        }
    }
}
