using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Sandbox;

/// <summary>
/// The simulated cloud itself: objects with ids and tags, as a real cloud keeps them, and a back
/// door for tests to change things behind the controller's back. Thread-safe.
/// </summary>
public sealed partial class SandboxCloud(SandboxOptions options, TimeProvider time)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SandboxObject> _objects = new(StringComparer.Ordinal);

    // Indexes over _objects, kept by Put and Drop: every grant applied looks up its allocation and
    // the free room of a zone, which would otherwise be a scan of every object on the cloud.
    private readonly Dictionary<string, List<string>> _byAllocation = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResourceVector> _grantedByZone = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TenantSpace> _spaces = new(StringComparer.Ordinal);
    private readonly Random _faults = new(options.Seed);
    private int _nextId;

    public SandboxOptions Options => options;

    /// <summary>Every call fails as a retryable outage while set.</summary>
    public bool Outage { get; set; }

    /// <summary>Share of calls that fail as a retryable outage, 0 to 1.</summary>
    public double FailureRate { get; set; } = options.FailureRate;

    /// <summary>How many objects carry the management mark of this allocation (a correct adapter never makes two).</summary>
    public int ObjectsFor(string allocationId) =>
        Locked(writes: false, () => _byAllocation.TryGetValue(allocationId, out var ids) ? ids.Count : 0);

    internal bool ShouldFail()
    {
        lock (_gate)
        {
            return Outage || (FailureRate > 0 && _faults.NextDouble() < FailureRate);
        }
    }

    internal TenantSpace EnsureSpace(TenantRef tenant)
    {
        lock (_gate)
        {
            if (!_spaces.TryGetValue(tenant.TenantId, out var space))
            {
                _spaces[tenant.TenantId] = space = new TenantSpace(tenant, $"space-{++_nextId}", $"cloudmgmt-{tenant.TenantId}");
            }

            return space;
        }
    }

    internal CloudCapacity Capacity() => new(options.Zones
        .Select(z => new CapacitySlice(z.Name, z.Architecture, options.Labels, z.Capacity)).ToList());

    private sealed record SandboxObject(
        string ExternalId, string AllocationId, string TenantId, string Zone, ResourceVector Granted,
        UsageProfile Profile, DateTimeOffset CreatedAt, IReadOnlyDictionary<string, string> Marks);

    private GrantObservation Observe(SandboxObject o) => new(
        o.AllocationId, o.TenantId, o.ExternalId, o.Granted,
        UsageSimulator.Used(o.Granted, o.Profile, time.GetUtcNow() - o.CreatedAt, options.Seed ^ o.ExternalId.GetHashCode(StringComparison.Ordinal)),
        o.Zone, o.Marks);

    private SandboxObject? Find(string allocationId) =>
        _byAllocation.TryGetValue(allocationId, out var ids) ? _objects[ids[0]] : null;

    private ResourceVector FreeIn(string zone, string? exceptExternalId)
    {
        var granted = _grantedByZone.GetValueOrDefault(zone, ResourceVector.Zero);
        if (exceptExternalId is not null && _objects.TryGetValue(exceptExternalId, out var except) && except.Zone == zone)
        {
            granted -= except.Granted;
        }

        return options.Zones.First(z => z.Name == zone).Capacity.SaturatingSubtract(granted);
    }

    /// <summary>Adds or replaces an object, keeping the indexes. Called under the lock.</summary>
    private void Put(SandboxObject o)
    {
        Drop(o.ExternalId);
        _objects[o.ExternalId] = o;
        if (!_byAllocation.TryGetValue(o.AllocationId, out var ids))
        {
            _byAllocation[o.AllocationId] = ids = [];
        }

        ids.Add(o.ExternalId);
        _grantedByZone[o.Zone] = _grantedByZone.GetValueOrDefault(o.Zone, ResourceVector.Zero) + o.Granted;
    }

    /// <summary>Removes an object, keeping the indexes. Called under the lock.</summary>
    private void Drop(string externalId)
    {
        if (!_objects.Remove(externalId, out var o))
        {
            return;
        }

        var ids = _byAllocation[o.AllocationId];
        ids.Remove(externalId);
        if (ids.Count == 0)
        {
            _byAllocation.Remove(o.AllocationId);
        }

        _grantedByZone[o.Zone] -= o.Granted;
    }
}
