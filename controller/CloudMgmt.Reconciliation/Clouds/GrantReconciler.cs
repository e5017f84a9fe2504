using CloudMgmt.Adapters;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Allocations;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains.Faults;
using CloudMgmt.Grains.Usage;
using CloudMgmt.Reconciliation.Elastic;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Reconciliation.Clouds;

/// <summary>
/// Makes one cloud match what the controller wants there: creates missing grants (adopting one a
/// crash left behind, since grants are keyed by allocation id), restores grants changed or deleted
/// behind the controller's back, removes released ones, and reports grants that carry our marks
/// but belong to no allocation (leaks), removing them when Reconcile:RemoveLeaks is set.
/// </summary>
internal sealed partial class GrantReconciler(
    IGrainFactory grains, AdapterRegistry adapters, CloudResilience resilience, IOptions<ReconcileScheduleOptions> options, ILogger<GrantReconciler> logger,
    ICrashPoints crashPoints, StuckGrants stuck, TimeProvider? time = null, Audit.SystemAudit? audit = null)
{
    private const int GrantsAtOnce = 8;

    public async Task ReconcileAsync(string cloudId, CancellationToken cancellationToken)
    {
        var cloud = grains.GetGrain<ICloudGrain>(cloudId);
        if (await cloud.Get() is not { } view || !adapters.Knows(view.Spec.Kind))
        {
            return;
        }

        var desired = await cloud.GetDesired();
        var adapter = adapters.For(view.Spec);
        var listed = await resilience.CallAsync(cloudId, adapter.ListGrantsAsync, cancellationToken);
        if (!listed.Succeeded)
        {
            LogListFailed(logger, cloudId, HealthReason.Clean(listed.Error!.ToString(), 300));
            await stuck.CheckAsync(cloudId); // a cloud that does not answer at all leaves its work stuck too
            return;
        }

        var observed = listed.Value!.GroupBy(g => g.AllocationId).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        await grains.GetGrain<ICloudUsageGrain>(cloudId).Record(UsageSnapshots.Of((time ?? TimeProvider.System).GetUtcNow(), desired, observed));
        await Parallel.ForEachAsync(desired, new ParallelOptions { MaxDegreeOfParallelism = GrantsAtOnce, CancellationToken = cancellationToken },
            async (grant, ct) => await ReconcileGrantAsync(cloudId, adapter, grant, observed.GetValueOrDefault(grant.AllocationId), ct));
        await HandleLeaksAsync(cloudId, adapter, desired, listed.Value!, cancellationToken);
        await stuck.CheckAsync(cloudId);
    }

    private async Task ReconcileGrantAsync(string cloudId, ICloudAdapter adapter, DesiredGrant grant, GrantObservation? observed, CancellationToken ct)
    {
        var allocation = grains.GetGrain<IAllocationGrain>(grant.AllocationId);
        var reference = new GrantRef(grant.AllocationId, new TenantRef(grant.Tenant, grant.Pool));
        if (grant.Releasing)
        {
            var released = await resilience.CallAsync(cloudId, c => adapter.ReleaseGrantAsync(reference, c), ct);
            if (released.Succeeded)
            {
                crashPoints.Reached(new CrashPoint("reconcile-release", "GrantReleased", grant.AllocationId));
                await allocation.GrantReleased(cloudId);
                crashPoints.Reached(new CrashPoint("reconcile-release", "Unreserve", grant.AllocationId));
                await grains.GetGrain<ICloudGrain>(cloudId).Unreserve(grant.AllocationId);
                await RecordAsync("grant.remove", grant, $"removed the grant of {grant.Resources} from {cloudId}");
            }

            return;
        }

        if (observed is not null && observed.Granted.Equals(grant.Resources))
        {
            if (!grant.Confirmed)
            {
                await ConfirmAsync(cloudId, adapter, reference, observed.ExternalId, grant.Resources, null, ct);
            }

            return; // as desired, and known to be: a steady pass costs no call to the allocation
        }

        if (!grant.Confirmed)
        {
            await allocation.GrantStarted(cloudId);
        }

        var space = await resilience.CallAsync(cloudId, c => adapter.EnsureTenantSpaceAsync(reference.Tenant, c), ct);
        var applied = space.Succeeded
            ? await resilience.CallAsync(cloudId, c => adapter.ApplyGrantAsync(new GrantSpec(reference, grant.Resources, null, new Dictionary<string, string>()), c), ct)
            : new AdapterResult<GrantObservation>(null, space.Error);
        if (!applied.Succeeded)
        {
            // The allocation's error is shown to its department: the kind and status only, never the cloud's words or our endpoint.
            LogGrantFailed(logger, cloudId, grant.AllocationId, HealthReason.Clean(applied.Error!.ToString(), 300));
            await allocation.GrantError(cloudId, HealthReason.Summary(applied.Error!));
            return;
        }

        crashPoints.Reached(new CrashPoint("reconcile-apply", "GrantProvisioned", grant.AllocationId));
        var note = observed is null ? null : $"repaired drift: the cloud had {observed.Granted}, restored {grant.Resources}";
        if (observed is not null || grant.Confirmed)
        {
            ReconcileMetrics.Repairs.WithLabels(cloudId).Inc();
        }

        if (note is not null)
        {
            LogRepaired(logger, cloudId, grant.AllocationId, observed!.Granted.ToString(), grant.Resources.ToString());
        }

        await ConfirmAsync(cloudId, adapter, reference, applied.Value!.ExternalId, grant.Resources, note, ct);
        await RecordAsync(observed is null ? "grant.create" : "grant.repair", grant,
            note is null ? $"made the grant of {grant.Resources} on {cloudId}" : $"{cloudId}: {note}");
    }

    private Task RecordAsync(string action, DesiredGrant grant, string detail) =>
        audit?.RecordAsync(Audit.SystemAudit.Reconciler, action, grant.AllocationId, grant.Tenant, grant.Pool, detail) ?? Task.CompletedTask;

    /// <summary>Tells the allocation its grant is made; removes the grant when the allocation does not want it (a placement a crash cut short).</summary>
    private async Task ConfirmAsync(
        string cloudId, ICloudAdapter adapter, GrantRef reference, string externalId, ResourceVector applied, string? note, CancellationToken ct)
    {
        var cloud = grains.GetGrain<ICloudGrain>(cloudId);
        if (await grains.GetGrain<IAllocationGrain>(reference.AllocationId).GrantProvisioned(cloudId, externalId, note))
        {
            crashPoints.Reached(new CrashPoint("reconcile-apply", "Confirm", reference.AllocationId));
            await cloud.Confirm(reference.AllocationId, applied);
            return;
        }

        LogStray(logger, cloudId, reference.AllocationId);
        if ((await resilience.CallAsync(cloudId, c => adapter.ReleaseGrantAsync(reference, c), ct)).Succeeded)
        {
            await cloud.Unreserve(reference.AllocationId);
            await grains.GetGrain<IAllocationGrain>(reference.AllocationId).RetryPlacement();
        }
    }

    private async Task HandleLeaksAsync(
        string cloudId, ICloudAdapter adapter, IReadOnlyList<DesiredGrant> desired, IReadOnlyList<GrantObservation> observed, CancellationToken ct)
    {
        var wanted = desired.Select(d => d.AllocationId).ToHashSet(StringComparer.Ordinal);
        var remove = options.Value.RemoveLeaks;
        var leaks = observed.Where(o => !wanted.Contains(o.AllocationId)).ToList();
        Monitoring.ControllerMetrics.LeakedGrants.WithLabels(cloudId).Set(leaks.Count);
        foreach (var leak in leaks)
        {
            LogLeak(logger, cloudId, leak.ExternalId, leak.AllocationId, remove);
            ReconcileMetrics.Leaks.WithLabels(cloudId).Inc();
            if (remove)
            {
                await resilience.CallAsync(cloudId, c => adapter.ReleaseGrantAsync(
                    new GrantRef(leak.AllocationId, new TenantRef(leak.TenantId, leak.Marks.GetValueOrDefault(ManagementMarks.Pool, ""))), c), ct);
            }
        }
    }

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning,
        Message = "Cloud {CloudId}: room was held for allocation {AllocationId}, which does not want a grant there (placement cut short); removing it")]
    private static partial void LogStray(ILogger logger, string cloudId, string allocationId);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Warning, Message = "Cloud {CloudId}: the grant of allocation {AllocationId} failed: {Error}")]
    private static partial void LogGrantFailed(ILogger logger, string cloudId, string allocationId, string error);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Cloud {CloudId}: listing grants failed: {Error}")]
    private static partial void LogListFailed(ILogger logger, string cloudId, string error);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning,
        Message = "Cloud {CloudId}: drift on allocation {AllocationId}: found {Found}, restored {Desired}")]
    private static partial void LogRepaired(ILogger logger, string cloudId, string allocationId, string found, string desired);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning,
        Message = "Cloud {CloudId}: grant {ExternalId} carries our marks (allocation {AllocationId}) but no allocation wants it: leaked (removing: {Removing})")]
    private static partial void LogLeak(ILogger logger, string cloudId, string externalId, string allocationId, bool removing);
}
