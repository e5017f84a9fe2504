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
    private readonly Dictionary<string, TenantSpace> _spaces = new(StringComparer.Ordinal);
    private readonly Random _faults = new(options.Seed);
    private int _nextId;

    public SandboxOptions Options => options;

    /// <summary>Every call fails as a retryable outage while set.</summary>
    public bool Outage { get; set; }

    /// <summary>Share of calls that fail as a retryable outage, 0 to 1.</summary>
    public double FailureRate { get; set; } = options.FailureRate;

    /// <summary>How many objects carry the management mark of this allocation (a correct adapter never makes two).</summary>
    public int ObjectsFor(string allocationId)
    {
        lock (_gate)
        {
            return _objects.Values.Count(o => o.AllocationId == allocationId);
        }
    }

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

    private SandboxObject? Find(string allocationId) => _objects.Values.FirstOrDefault(o => o.AllocationId == allocationId);

    private ResourceVector FreeIn(string zone, string? exceptExternalId) =>
        options.Zones.First(z => z.Name == zone).Capacity.SaturatingSubtract(_objects.Values
            .Where(o => o.Zone == zone && o.ExternalId != exceptExternalId)
            .Aggregate(ResourceVector.Zero, (sum, o) => sum + o.Granted));
}
