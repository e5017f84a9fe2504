using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Reconciliation.Clouds;
using CloudMgmt.Reconciliation.Monitoring;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Host.Monitoring;

/// <summary>
/// Fills the state gauges (clouds, pools, tenants) from the grains just before a scrape, at most once
/// per <c>Metrics:RefreshEvery</c> (default 5 s) however often Prometheus scrapes. The grains hold
/// the cluster's truth, so every silo exports the same figures; the breaker state is each silo's own.
/// Cost per refresh: one call per cloud (two with tenants) and one per pool, made in parallel.
/// </summary>
internal sealed partial class MetricsCollector(IGrainFactory grains, CloudResilience resilience, IOptions<Hosting.Settings.MetricsRefreshOptions> options, TimeProvider time,
    ILogger<MetricsCollector> logger)
{
    private const int CallsAtOnce = 16;
    private readonly TimeSpan _refreshEvery = options.Value.RefreshEvery;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly GaugeSet _capacity = new(ControllerMetrics.CloudCapacity), _granted = new(ControllerMetrics.CloudGranted),
        _used = new(ControllerMetrics.CloudUsed), _healthy = new(ControllerMetrics.CloudHealthy), _breaker = new(ControllerMetrics.BreakerState),
        _poolQuota = new(ControllerMetrics.PoolQuota), _poolReserved = new(ControllerMetrics.PoolReserved), _poolBorrowed = new(ControllerMetrics.PoolBorrowed),
        _poolLimit = new(ControllerMetrics.PoolLimit), _tenantGranted = new(ControllerMetrics.TenantGranted), _tenantUsed = new(ControllerMetrics.TenantUsed),
        _tenantEfficiency = new(ControllerMetrics.TenantEfficiency), _tenantInfo = new(ControllerMetrics.TenantInfo);
    private long _lastRefresh = long.MinValue;
    private bool _stopped;

    public async Task CollectAsync(CancellationToken cancellationToken)
    {
        if (_lastRefresh != long.MinValue && time.GetElapsedTime(_lastRefresh) < _refreshEvery)
            return;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_stopped || (_lastRefresh != long.MinValue && time.GetElapsedTime(_lastRefresh) < _refreshEvery))
                return;
            await CollectCloudsAsync(cancellationToken);
            await CollectPoolsAsync(cancellationToken);
            _lastRefresh = time.GetTimestamp();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A scrape must not fail because a grain call did: the last figures stay, and the log says why.
            LogCollectFailed(logger, e);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Takes this host's series out of the (process-wide) registry, e.g. when the host stops.</summary>
    public void Forget()
    {
        _gate.Wait();
        try
        {
            foreach (var set in new[] { _capacity, _granted, _used, _healthy, _breaker, _tenantGranted, _tenantUsed, _tenantEfficiency,
                         _poolQuota, _poolReserved, _poolBorrowed, _poolLimit, _tenantInfo })
                set.Forget();
            _stopped = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CollectCloudsAsync(CancellationToken cancellationToken)
    {
        var ids = await grains.GetGrain<ICloudDirectoryGrain>(CloudDirectoryGrain.Key).List();
        var clouds = new (CloudView? View, IReadOnlyList<CloudTenantUsage> Tenants)[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = CallsAtOnce, CancellationToken = cancellationToken },
            async (i, _) =>
            {
                var cloud = grains.GetGrain<ICloudGrain>(ids[i]);
                clouds[i] = (await cloud.Get(), await cloud.GetTenantUsage());
            });
        foreach (var (view, tenants) in clouds)
        {
            if (view is null)
                continue;
            var id = view.Spec.Id;
            foreach (var (resource, unit, value) in ResourceUnits.Entries(view.Capacity))
                _capacity.Set(value, id, view.Spec.Kind, resource, unit);
            foreach (var (resource, unit, value) in ResourceUnits.Entries(view.Granted))
                _granted.Set(value, id, resource, unit);
            foreach (var (resource, unit, value) in ResourceUnits.Entries(view.Used))
                _used.Set(value, id, resource, unit);
            _healthy.Set(view.Inventory is { Healthy: true } && !resilience.IsOpen(id) ? 1 : 0, id);
            _breaker.Set(resilience.BreakerState(id), id);
            foreach (var tenant in tenants)
                SetTenant(tenant, id);
        }
        foreach (var set in new[] { _capacity, _granted, _used, _healthy, _breaker, _tenantGranted, _tenantUsed, _tenantEfficiency })
            set.Apply();
    }

    /// <summary>Only resources the tenant holds: a tenant's zero series would multiply the scrape for nothing.</summary>
    private void SetTenant(CloudTenantUsage tenant, string cloudId)
    {
        foreach (var name in tenant.Granted.Names)
        {
            var (resource, unit, factor) = ResourceUnits.Of(name);
            var granted = tenant.Granted[name];
            _tenantGranted.Set(granted * factor, tenant.Tenant, cloudId, resource, unit);
            _tenantUsed.Set(tenant.Used[name] * factor, tenant.Tenant, cloudId, resource, unit);
            _tenantEfficiency.Set((double)tenant.Used[name] / granted, tenant.Tenant, cloudId, resource);
        }
    }

    private async Task CollectPoolsAsync(CancellationToken cancellationToken)
    {
        var catalog = grains.GetGrain<ICatalogGrain>(CatalogGrain.Key);
        var pools = await catalog.ListPools();
        var usages = new PoolUsage[pools.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, pools.Count), new ParallelOptions { MaxDegreeOfParallelism = CallsAtOnce, CancellationToken = cancellationToken },
            async (i, _) => usages[i] = await grains.GetGrain<IQuotaPoolGrain>(pools[i].Id).GetUsage());
        for (var i = 0; i < pools.Count; i++)
        {
            Set(_poolQuota, pools[i].Id, pools[i].Quota);
            Set(_poolReserved, pools[i].Id, usages[i].Reserved);
            Set(_poolBorrowed, pools[i].Id, usages[i].Borrowed);
            Set(_poolLimit, pools[i].Id, usages[i].Limits.Ceiling);
        }
        foreach (var tenant in await catalog.ListTenants())
            _tenantInfo.Set(1, tenant.Id, tenant.Pool);
        foreach (var set in new[] { _poolQuota, _poolReserved, _poolBorrowed, _poolLimit, _tenantInfo })
            set.Apply();
    }

    private static void Set(GaugeSet set, string pool, ResourceVector vector)
    {
        foreach (var (resource, unit, value) in ResourceUnits.Entries(vector))
            set.Set(value, pool, resource, unit);
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Could not refresh the metrics from the grains; the last figures stay")]
    private static partial void LogCollectFailed(ILogger logger, Exception exception);
}
