using CloudMgmt.Adapters.Kubernetes.Connection;
using CloudMgmt.Adapters.Kubernetes.Grants;
using CloudMgmt.Adapters.Kubernetes.Inventory;
using k8s;
using k8s.Models;

namespace CloudMgmt.Adapters.Kubernetes;

/// <summary>
/// A Kubernetes cluster under management: a namespace per tenant (with a LimitRange of container
/// defaults, so that pods without requests still count), one ResourceQuota per allocation, written
/// with server-side apply under our own field manager. One attempt per call; the controller's
/// pipeline retries what is retryable.
/// </summary>
public sealed partial class KubernetesAdapter : ICloudAdapter, ITenantSpaceRemoval, IDisposable
{
    public const string KindName = "kubernetes";
    internal const string FieldManager = "cloudmgmt";
    private static readonly TimeSpan CapacityFreshFor = TimeSpan.FromSeconds(60);

    private readonly IKubernetes _client;
    private readonly KubernetesSettings _settings;
    private readonly QuotaResources _resources;
    private readonly string _fallbackZone;
    private readonly TimeProvider _time;
    private readonly MetricsAvailability _metrics;
    private CapacityReading? _capacity; // a reference, so that concurrent calls swap it whole

    /// <summary>Closes the client's connections (the controller disposes an adapter it replaced or dropped).</summary>
    public void Dispose() => _client.Dispose();

    internal KubernetesAdapter(IKubernetes client, KubernetesSettings settings, string fallbackZone, TimeProvider time)
    {
        _client = client;
        _settings = settings;
        _resources = new QuotaResources(settings.GpuResource, settings.SetLimits);
        _fallbackZone = fallbackZone;
        _time = time;
        _metrics = new MetricsAvailability(time);
    }

    public string Kind => KindName;

    public Task<AdapterResult<CloudCapacity>> DescribeCapacityAsync(CancellationToken cancellationToken) =>
        CallAsync("list nodes", async k => (AdapterResult<CloudCapacity>)await ReadCapacityAsync(k, cancellationToken), cancellationToken);

    public Task<AdapterResult<TenantSpace>> EnsureTenantSpaceAsync(TenantRef tenant, CancellationToken cancellationToken) =>
        CallAsync("ensure namespace", k => EnsureSpaceAsync(k, tenant, cancellationToken), cancellationToken);

    public Task<AdapterResult<CloudHealth>> CheckHealthAsync(CancellationToken cancellationToken) =>
        CallAsync("read version", async k =>
        {
            var version = await k.Version.GetCodeAsync(cancellationToken);
            return (AdapterResult<CloudHealth>)new CloudHealth(true, $"Kubernetes {version.GitVersion} is answering");
        }, cancellationToken);

    /// <summary>Deletes the tenant's namespace (and with it everything in it), only when it carries our mark.</summary>
    public Task<AdapterResult<TenantRef>> RemoveTenantSpaceAsync(TenantRef tenant, CancellationToken cancellationToken) =>
        CallAsync("remove namespace", async k =>
        {
            var name = KubeNames.Namespace(_settings.NamespacePrefix, tenant.TenantId);
            var ns = await k.CoreV1.ReadNamespaceAsync(name, cancellationToken: cancellationToken);
            if (ns.Metadata?.Labels.Lookup(ManagementMarks.Managed) != "true")
            {
                return AdapterError.Of(AdapterErrorKind.Conflict, $"namespace {name} does not carry {ManagementMarks.Managed}=true; it is not ours to remove");
            }

            await k.CoreV1.DeleteNamespaceAsync(name, cancellationToken: cancellationToken);
            return (AdapterResult<TenantRef>)tenant;
        }, cancellationToken, notFoundIsSuccess: tenant);

    private async Task<AdapterResult<TenantSpace>> EnsureSpaceAsync(IKubernetes k, TenantRef tenant, CancellationToken cancellationToken)
    {
        var name = KubeNames.Namespace(_settings.NamespacePrefix, tenant.TenantId);
        // No force: a conflict means another manager owns some of these fields; the namespace exists and is left to them.
        await ApplyOrKeepTheirsAsync(() => k.CoreV1.PatchNamespaceAsync(
            Apply(Manifests.Namespace(name, tenant)), name, fieldManager: FieldManager, cancellationToken: cancellationToken));
        await ApplyOrKeepTheirsAsync(() => k.CoreV1.PatchNamespacedLimitRangeAsync(
            Apply(Manifests.LimitRange(name, _settings.Defaults)), Manifests.LimitRangeName, name, fieldManager: FieldManager,
            cancellationToken: cancellationToken));
        return new TenantSpace(tenant, name, name);
    }

    private static async Task ApplyOrKeepTheirsAsync<T>(Func<Task<T>> apply)
    {
        try
        {
            await apply();
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // An operator tuned the namespace's labels or the LimitRange defaults: theirs to keep.
        }
    }

    private sealed record CapacityReading(CloudCapacity Capacity, DateTimeOffset At);

    private static V1Patch Apply(string manifest) => new(manifest, V1Patch.PatchType.ApplyPatch);

    /// <summary>One call, with what it throws mapped to an error value.</summary>
    private async Task<AdapterResult<T>> CallAsync<T>(
        string operation, Func<IKubernetes, Task<AdapterResult<T>>> body, CancellationToken cancellationToken, T? notFoundIsSuccess = default)
    {
        try
        {
            return await body(_client);
        }
        catch (Exception e) when (KubernetesErrors.From(e, operation, _time, cancellationToken) is { } error)
        {
            return error.Kind == AdapterErrorKind.NotFound && notFoundIsSuccess is not null ? notFoundIsSuccess : error;
        }
    }
}
