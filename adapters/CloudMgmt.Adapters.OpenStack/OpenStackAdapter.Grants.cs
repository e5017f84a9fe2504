using CloudMgmt.Adapters.OpenStack.Grants;
using CloudMgmt.Adapters.OpenStack.Identity;

namespace CloudMgmt.Adapters.OpenStack;

internal sealed partial class OpenStackAdapter
{
    public Task<AdapterResult<GrantObservation>> ApplyGrantAsync(GrantSpec grant, CancellationToken cancellationToken) =>
        SetGrantAsync(grant, mustExist: false, cancellationToken);

    public Task<AdapterResult<GrantObservation>> ResizeGrantAsync(GrantSpec grant, CancellationToken cancellationToken) =>
        SetGrantAsync(grant, mustExist: true, cancellationToken);

    public async Task<AdapterResult<GrantRef>> ReleaseGrantAsync(GrantRef grant, CancellationToken cancellationToken)
    {
        using var _ = await LockAsync(grant.Tenant, cancellationToken);
        var found = await _projects.FindAsync(grant.Tenant, cancellationToken);
        if (!found.Succeeded)
            return found.Error!;
        if (found.Value is not { } project || !project.Ledger.Entries.ContainsKey(grant.AllocationId))
            return grant;
        // The ledger first, then the quota: a crash between the two leaves a quota too high for its
        // ledger, which the next observation shows as drift and the next apply or release sets right.
        var saved = await _projects.SaveLedgerAsync(project, project.Ledger.Without(grant.AllocationId), cancellationToken);
        if (!saved.Succeeded)
            return saved.Error!;
        var quota = await SetQuotaAsync(saved.Value!, cancellationToken);
        return quota.Succeeded ? grant : quota.Error!;
    }

    private async Task<AdapterResult<GrantObservation>> SetGrantAsync(GrantSpec grant, bool mustExist, CancellationToken cancellationToken)
    {
        var fits = await CheckFitsAsync(grant, cancellationToken);
        if (fits is not null)
            return fits;
        using var _ = await LockAsync(grant.Grant.Tenant, cancellationToken);
        var project = mustExist
            ? await ExistingAsync(grant.Grant, cancellationToken)
            : await _projects.EnsureAsync(grant.Grant.Tenant, cancellationToken);
        if (!project.Succeeded)
            return project.Error!;
        var current = project.Value!;
        var entry = new LedgerEntry(grant.Grant.AllocationId, grant.Resources,
            grant.Zone ?? current.Ledger.Entries.GetValueOrDefault(grant.Grant.AllocationId)?.Zone);
        if (current.Ledger.Entries.GetValueOrDefault(grant.Grant.AllocationId) != entry)
        {
            var saved = await _projects.SaveLedgerAsync(current, current.Ledger.With(entry), cancellationToken);
            if (!saved.Succeeded)
                return saved.Error!;
            current = saved.Value!;
        }
        // The quota is always set, even when the ledger already had the entry: that is what repairs drift.
        var quota = await SetQuotaAsync(current, cancellationToken);
        if (!quota.Succeeded)
            return quota.Error!;
        return await ObserveInAsync(current, entry, cancellationToken);
    }

    private async Task<AdapterResult<TenantProject>> ExistingAsync(GrantRef grant, CancellationToken cancellationToken)
    {
        var found = await _projects.FindAsync(grant.Tenant, cancellationToken);
        if (!found.Succeeded)
            return found.Error!;
        return found.Value is { } project && project.Ledger.Entries.ContainsKey(grant.AllocationId)
            ? project
            : AdapterError.Of(AdapterErrorKind.NotFound, $"no grant for allocation {grant.AllocationId} in project {ProjectDirectory.ProjectName(grant.Tenant)}");
    }

    /// <summary>Sets the project's quota to what its ledger calls for.</summary>
    private async Task<AdapterResult<ProjectQuota>> SetQuotaAsync(TenantProject project, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(project.Ledger, cancellationToken);
        if (!plan.Succeeded)
            return plan.Error!;
        var nova = await _nova.SetQuotaAsync(project.Id, plan.Value!, cancellationToken);
        if (!nova.Succeeded)
            return nova.Error!;
        if (plan.Value!.Gigabytes is { } gigabytes)
        {
            var cinder = await _cinder.SetAsync(project.Id, gigabytes, cancellationToken);
            if (!cinder.Succeeded)
                return cinder.Error!;
        }
        return plan.Value;
    }

    private async Task<AdapterResult<ProjectQuota>> PlanAsync(GrantLedger ledger, CancellationToken cancellationToken)
    {
        if (_settings.Flavor is { } flavorName && _flavor is null)
        {
            var flavor = await _nova.FindFlavorAsync(flavorName, cancellationToken);
            if (!flavor.Succeeded)
                return flavor.Error!;
            _flavor = flavor.Value ?? (FlavorSize?)null;
            if (_flavor is null)
                return AdapterError.Of(AdapterErrorKind.Invalid, $"the flavor policy names flavor '{flavorName}', which nova does not have");
        }
        var volumes = await _cinder.IsAvailableAsync(cancellationToken);
        if (!volumes.Succeeded)
            return volumes.Error!;
        return QuotaPlan.For(ledger.Total, _flavor, volumes.Value);
    }

    /// <summary>A grant no zone of the cloud could ever hold is refused before anything is made, so that placement tries another cloud.</summary>
    private async Task<AdapterError?> CheckFitsAsync(GrantSpec grant, CancellationToken cancellationToken)
    {
        var capacity = _capacity is { } cached && _time.GetUtcNow() - cached.At < CapacityCacheFor ? cached.Capacity : null;
        if (capacity is null)
        {
            var described = await DescribeCapacityAsync(cancellationToken);
            if (!described.Succeeded)
                return described.Error;
            capacity = described.Value!;
        }
        var slices = capacity.Slices.Where(s => grant.Zone is null || s.Zone == grant.Zone).ToList();
        return slices.Any(s => grant.Resources.FitsWithin(s.Capacity))
            ? null
            : AdapterError.Of(AdapterErrorKind.InsufficientCapacity,
                $"no zone{(grant.Zone is null ? "" : " named " + grant.Zone)} of this cloud can hold {grant.Resources} (largest: {slices.Select(s => s.Capacity.ToString()).FirstOrDefault() ?? "none"})");
    }
}
