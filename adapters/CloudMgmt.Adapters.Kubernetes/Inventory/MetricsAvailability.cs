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
    private long _absentSinceTicks; // 0: served as far as we know; read and written whole by concurrent calls

    public async Task<PodMetricsList?> PodsAsync(IKubernetes client, string ns, CancellationToken cancellationToken)
    {
        var since = Interlocked.Read(ref _absentSinceTicks);
        if (since != 0 && time.GetUtcNow().UtcTicks - since < RecheckAfter.Ticks)
        {
            return null;
        }

        try
        {
            var list = await client.CustomObjects.ListNamespacedCustomObjectAsync<PodMetricsList>(
                "metrics.k8s.io", "v1beta1", ns, "pods", cancellationToken: cancellationToken);
            Interlocked.Exchange(ref _absentSinceTicks, 0);
            return list;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.ServiceUnavailable
            or System.Net.HttpStatusCode.Forbidden)
        {
            // Not served (or not for us): usage comes from the quotas' status alone.
            Interlocked.Exchange(ref _absentSinceTicks, time.GetUtcNow().UtcTicks);
            return null;
        }
    }
}
