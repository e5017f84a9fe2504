using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Sandbox;

public sealed partial class SandboxCloud
{
    /// <summary>Creates or resizes the object carrying this allocation's mark (or, when <paramref name="mustExist"/>, only resizes).</summary>
    internal AdapterResult<GrantObservation> Apply(GrantSpec spec, bool mustExist) => Locked<AdapterResult<GrantObservation>>(writes: true, () =>
    {
        var existing = Find(spec.Grant.AllocationId);
        if (existing is null && mustExist)
        {
            return AdapterError.Of(AdapterErrorKind.NotFound, $"no grant for allocation '{spec.Grant.AllocationId}' to resize");
        }

        var zone = existing?.Zone ?? spec.Zone ?? options.Zones
            .Where(z => spec.Resources.FitsWithin(FreeIn(z.Name, null)))
            .OrderByDescending(z => FreeIn(z.Name, null)[ResourceNames.Vcpu]).ThenBy(z => z.Name, StringComparer.Ordinal)
            .Select(z => z.Name).FirstOrDefault();
        if (zone is null || options.Zones.All(z => z.Name != zone) || !spec.Resources.FitsWithin(FreeIn(zone, existing?.ExternalId)))
        {
            return AdapterError.Of(AdapterErrorKind.InsufficientCapacity,
                $"no zone has room for {spec.Resources}{(zone is null ? "" : $" (asked for zone '{zone}')")}");
        }

        var marks = new Dictionary<string, string>(spec.Labels);
        foreach (var (key, value) in ManagementMarks.For(spec.Grant))
        {
            marks[key] = value;
        }

        var updated = existing is null
            ? new SandboxObject($"grant-{++_nextId}", spec.Grant.AllocationId, spec.Grant.Tenant.TenantId, zone, spec.Resources,
                UsageSimulator.ProfileOf(spec.Labels, options.DefaultProfile), time.GetUtcNow(), marks)
            : existing with { Granted = spec.Resources, Marks = marks };
        Put(updated);
        return Observe(updated);
    });

    internal void Release(string allocationId) => Locked(writes: true, () =>
    {
        foreach (var id in _byAllocation.GetValueOrDefault(allocationId)?.ToList() ?? [])
        {
            Drop(id);
        }

        return true;
    });

    internal GrantObservation? ObserveGrant(string allocationId) =>
        Locked(writes: false, () => Find(allocationId) is { } o ? Observe(o) : null);

    /// <summary>Every object on the cloud, as the adapter would list it.</summary>
    public IReadOnlyList<GrantObservation> List() =>
        Locked(writes: false, () => _objects.Values.OrderBy(o => o.ExternalId, StringComparer.Ordinal).Select(Observe).ToList());

    /// <summary>Back door: an operator changes a grant's size by hand on the cloud.</summary>
    public void Tamper(string allocationId, ResourceVector granted) => Locked(writes: true, () =>
    {
        var o = Find(allocationId) ?? throw new InvalidOperationException($"no grant for '{allocationId}'");
        Put(o with { Granted = granted });
        return true;
    });

    /// <summary>Back door: somebody deletes a grant on the cloud.</summary>
    public void Delete(string allocationId) => Release(allocationId);

    /// <summary>Back door: an object with our marks that no allocation knows of (a leak).</summary>
    public void AddOrphan(string allocationId, TenantRef tenant, ResourceVector granted) => Locked(writes: true, () =>
    {
        var zone = options.Zones[0].Name;
        var id = $"grant-{++_nextId}";
        Put(new SandboxObject(id, allocationId, tenant.TenantId, zone, granted, options.DefaultProfile, time.GetUtcNow(),
            ManagementMarks.For(new GrantRef(allocationId, tenant))));
        return true;
    });
}
