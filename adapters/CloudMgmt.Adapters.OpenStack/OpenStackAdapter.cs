using System.Collections.Concurrent;
using CloudMgmt.Adapters.OpenStack.Compute;
using CloudMgmt.Adapters.OpenStack.Grants;
using CloudMgmt.Adapters.OpenStack.Http;
using CloudMgmt.Adapters.OpenStack.Identity;
using CloudMgmt.Adapters.OpenStack.Placement;

namespace CloudMgmt.Adapters.OpenStack;

/// <summary>
/// The provincial OpenStack cloud. A tenant is a Keystone project (cm-{tenant}) in a domain per pool;
/// a grant is an entry in the project's grant ledger (a project property) plus the matching increment
/// of the project's Nova quota (cores, ram, instances) and, where the catalog has a volume service, its
/// Cinder gigabytes quota. Capacity comes from Placement inventories; usage from Nova's in_use and
/// Placement's usages per project. Calls that change one project are serialised per project, so
/// that the ledger and the quota move together.
/// </summary>
internal sealed partial class OpenStackAdapter : ICloudAdapter, ITenantSpaceRemoval, IDisposable
{
    public const string KindName = "openstack";
    private static readonly TimeSpan CapacityCacheFor = TimeSpan.FromSeconds(60);

    private readonly OpenStackSettings _settings;
    private readonly ProjectDirectory _projects;
    private readonly NovaClient _nova;
    private readonly PlacementClient _placement;
    private readonly CinderQuotaClient _cinder;
    private readonly TimeProvider _time;
    private readonly OpenStackApi _api;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _projectLocks = new(StringComparer.Ordinal);
    private (CloudCapacity Capacity, DateTimeOffset At)? _capacity;
    private FlavorSize? _flavor;

    public OpenStackAdapter(OpenStackApi api, OpenStackSettings settings, TimeProvider time)
    {
        _settings = settings;
        _time = time;
        _api = api;
        _projects = new ProjectDirectory(api, settings);
        _nova = new NovaClient(api);
        _placement = new PlacementClient(api);
        _cinder = new CinderQuotaClient(api);
    }

    public string Kind => KindName;

    public void Dispose() => _api.Dispose();

    public async Task<AdapterResult<CloudCapacity>> DescribeCapacityAsync(CancellationToken cancellationToken)
    {
        var providers = await _placement.ListProvidersAsync(cancellationToken);
        if (!providers.Succeeded)
            return providers.Error!;
        var hosts = await _nova.HostOfHypervisorsAsync(cancellationToken);
        if (!hosts.Succeeded)
            return hosts.Error!;
        var zones = await _nova.ZoneOfHostsAsync(cancellationToken);
        if (!zones.Succeeded)
            return zones.Error!;
        var zoneOfProvider = hosts.Value!.Where(h => zones.Value!.ContainsKey(h.Value))
            .ToDictionary(h => h.Key, h => zones.Value![h.Value], StringComparer.Ordinal);
        var capacity = CapacityMap.Build(providers.Value!, zoneOfProvider, _settings);
        _capacity = (capacity, _time.GetUtcNow());
        return capacity;
    }

    public async Task<AdapterResult<TenantSpace>> EnsureTenantSpaceAsync(TenantRef tenant, CancellationToken cancellationToken)
    {
        var project = await _projects.EnsureAsync(tenant, cancellationToken);
        return project.Succeeded ? new TenantSpace(tenant, project.Value!.Id, project.Value.Name) : project.Error!;
    }

    public async Task<AdapterResult<TenantRef>> RemoveTenantSpaceAsync(TenantRef tenant, CancellationToken cancellationToken)
    {
        using var _ = await LockAsync(tenant, cancellationToken);
        var found = await _projects.FindAsync(tenant, cancellationToken);
        if (!found.Succeeded)
            return found.Error!;
        if (found.Value is not { } project)
            return tenant;
        if (project.Ledger.Entries.Count > 0)
            return AdapterError.Of(AdapterErrorKind.Conflict, $"project {project.Name} still holds {project.Ledger.Entries.Count} grant(s); release them first");
        return await _projects.DeleteAsync(project, cancellationToken);
    }

    /// <summary>Healthy when Keystone issues a token and Nova and Placement offer the microversions the adapter is written against.</summary>
    public async Task<AdapterResult<CloudHealth>> CheckHealthAsync(CancellationToken cancellationToken)
    {
        var nova = await _nova.MaxMicroversionAsync(cancellationToken);
        if (!nova.Succeeded)
            return nova.Error!;
        var placement = await _placement.MaxMicroversionAsync(cancellationToken);
        if (!placement.Succeeded)
            return placement.Error!;
        var needNova = Version.Parse(OpenStackApi.ComputeMicroversion);
        var needPlacement = Version.Parse(OpenStackApi.PlacementMicroversion);
        var volumes = await _cinder.IsAvailableAsync(cancellationToken);
        var detail = $"nova up to {nova.Value}, placement up to {placement.Value}, block-storage quota {(volumes.Value ? "managed" : "not available (no volume service in the catalog)")}";
        return nova.Value < needNova || placement.Value < needPlacement
            ? new CloudHealth(false, $"needs nova {needNova} and placement {needPlacement}; {detail}")
            : new CloudHealth(true, detail);
    }

    private async Task<IDisposable> LockAsync(TenantRef tenant, CancellationToken cancellationToken)
    {
        var gate = _projectLocks.GetOrAdd(tenant.TenantId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Releaser(gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
