using CloudMgmt.Adapters.OpenStack.Grants;
using CloudMgmt.Adapters.OpenStack.Identity;
using CloudMgmt.Adapters.OpenStack.Placement;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.OpenStack;

internal sealed partial class OpenStackAdapter
{
    private const int ProjectsAtOnce = 4;

    public async Task<AdapterResult<GrantObservation>> ObserveGrantAsync(GrantRef grant, CancellationToken cancellationToken)
    {
        var found = await _projects.FindAsync(grant.Tenant, cancellationToken);
        if (!found.Succeeded)
            return found.Error!;
        if (found.Value is not { } project || !project.Ledger.Entries.TryGetValue(grant.AllocationId, out var entry))
            return AdapterError.Of(AdapterErrorKind.NotFound, $"no grant for allocation {grant.AllocationId} in project {ProjectDirectory.ProjectName(grant.Tenant)}");
        return await ObserveInAsync(project, entry, cancellationToken);
    }

    public async Task<AdapterResult<IReadOnlyList<GrantObservation>>> ListGrantsAsync(CancellationToken cancellationToken)
    {
        var projects = await _projects.ListManagedAsync(cancellationToken);
        if (!projects.Succeeded)
            return projects.Error!;
        // A few projects at a time: two calls per project, and a province has hundreds of tenants.
        var results = new AdapterResult<IReadOnlyList<GrantObservation>>[projects.Value!.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, results.Length),
            new ParallelOptions { MaxDegreeOfParallelism = ProjectsAtOnce, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                var project = projects.Value![i];
                if (project.Ledger.Entries.Count == 0)
                {
                    results[i] = Array.Empty<GrantObservation>();
                    return;
                }
                var state = await ProjectStateAsync(project, ct);
                results[i] = state.Succeeded
                    ? project.Ledger.Entries.Values.Select(e => Observation(project, e, state.Value!)).ToList()
                    : state.Error!;
            });
        if (results.FirstOrDefault(r => !r.Succeeded) is { Error: { } error })
            return error;
        return results.SelectMany(r => r.Value!).ToList();
    }

    private async Task<AdapterResult<GrantObservation>> ObserveInAsync(TenantProject project, LedgerEntry entry, CancellationToken cancellationToken)
    {
        var state = await ProjectStateAsync(project, cancellationToken);
        return state.Succeeded ? Observation(project, entry, state.Value!) : state.Error!;
    }

    /// <summary>What the cloud has for a project: its quota as expected from the ledger and as found, and its use.</summary>
    private sealed record ProjectState(ProjectQuota Expected, ProjectQuota Actual, ResourceVector Used);

    private async Task<AdapterResult<ProjectState>> ProjectStateAsync(TenantProject project, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(project.Ledger, cancellationToken);
        if (!plan.Succeeded)
            return plan.Error!;
        var nova = await _nova.GetQuotaAsync(project.Id, cancellationToken);
        if (!nova.Succeeded)
            return nova.Error!;
        var usages = await _placement.ProjectUsagesAsync(project.Id, cancellationToken);
        if (!usages.Succeeded)
            return usages.Error!;
        long? gigabytes = null;
        var storageUsed = CapacityMap.Usage(usages.Value!)[ResourceNames.StorageGiB];
        if (plan.Value!.Gigabytes is not null)
        {
            var cinder = await _cinder.GetAsync(project.Id, cancellationToken);
            if (!cinder.Succeeded)
                return cinder.Error!;
            (gigabytes, storageUsed) = (cinder.Value.Limit, storageUsed + cinder.Value.InUse);
        }
        var q = nova.Value!;
        var actual = new ProjectQuota(q.Cores, q.RamMiB, q.Instances, gigabytes);
        // Nova's in_use is what the quota counts; Placement's usages add local disk (and GPUs), which Nova's quota does not.
        var used = ResourceVector.Of(q.CoresInUse, (q.RamMiBInUse + 1023) / 1024, storageUsed, CapacityMap.Usage(usages.Value!)[ResourceNames.Gpu]);
        return new ProjectState(plan.Value, actual, used);
    }

    private static GrantObservation Observation(TenantProject project, LedgerEntry entry, ProjectState state)
    {
        var granted = QuotaPlan.Observed(entry, state.Expected, state.Actual);
        var used = QuotaPlan.ShareOf(state.Used, entry.Granted, project.Ledger.Total);
        var marks = ManagementMarks.For(new GrantRef(entry.AllocationId, project.Tenant));
        return new GrantObservation(entry.AllocationId, project.Tenant.TenantId, $"{project.Id}/{entry.AllocationId}", granted, used, entry.Zone, marks);
    }
}
