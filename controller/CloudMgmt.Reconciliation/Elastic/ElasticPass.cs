using CloudMgmt.Domain.Allocations;
using CloudMgmt.Domain.Elastic;
using CloudMgmt.Grains.Allocations;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains.Usage;
using CloudMgmt.Policies.Elastic;

namespace CloudMgmt.Reconciliation.Elastic;

/// <summary>
/// One pass of the elastic controller over every cloud: reads each grant's usage windows, decides
/// with the pure <see cref="ElasticEvaluator"/> under the policy in force for its tenant and pool
/// path, and has the allocation carry the decision out (through its normal resize and release
/// paths). Records events, reclaims and metrics.
/// </summary>
internal sealed partial class ElasticPass(
    IGrainFactory grains, ElasticPolicySource policy, TimeProvider time, ILogger<ElasticPass> logger, Audit.SystemAudit audit)
{
    private const int GrantsAtOnce = 8;

    public async Task<IReadOnlyList<ElasticEvent>> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var events = new List<ElasticEvent>();
        var idle = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cloudId in await grains.GetGrain<ICloudDirectoryGrain>(CloudDirectoryGrain.Key).List())
        {
            var usage = grains.GetGrain<ICloudUsageGrain>(cloudId);
            var desired = (await grains.GetGrain<ICloudGrain>(cloudId).GetDesired()).Where(d => !d.Releasing).Select(d => d.AllocationId).ToHashSet(StringComparer.Ordinal);
            var windows = (await usage.Windows()).Where(s => desired.Contains(s.AllocationId)).ToList();
            var restarts = new List<WindowsRequest>();
            await Parallel.ForEachAsync(windows, new ParallelOptions { MaxDegreeOfParallelism = GrantsAtOnce, CancellationToken = cancellationToken },
                async (grant, _) =>
                {
                    var (happened, isIdle, tenant, restart) = await GrantAsync(cloudId, grant, now);
                    lock (events)
                    {
                        events.AddRange(happened);
                        idle[tenant] = idle.GetValueOrDefault(tenant) + (isIdle ? 1 : 0);
                        if (restart is not null)
                        {
                            restarts.Add(restart);
                        }
                    }
                });
            if (restarts.Count > 0)
            {
                await usage.Track(restarts);
            }
        }

        ElasticMetrics.SetIdle(idle.Where(e => e.Value > 0).ToDictionary());
        await grains.GetGrain<IElasticEventsGrain>(ElasticEventsGrain.Key).Add(events);
        return events;
    }

    /// <summary>
    /// One grant: decide on its windows when they are kept against its rules' thresholds and begin
    /// after its last elastic resize; otherwise (a new grant, new rules, a restarted silo) have them
    /// kept from now, and decide next time.
    /// </summary>
    private async Task<(List<ElasticEvent> Events, bool Idle, string Tenant, WindowsRequest? Restart)> GrantAsync(string cloudId, GrantWindows grant, DateTimeOffset now)
    {
        var allocation = grains.GetGrain<IAllocationGrain>(grant.AllocationId);
        if (await allocation.Get() is not { Status: AllocationStatus.Ready } view)
        {
            return ([], false, grant.Tenant, null);
        }

        var e = view.Elastic!;
        var settings = policy.Current.For(view.Tenant, view.Decision.Path);
        var thresholds = ElasticThresholds.Of(settings);
        if (grant.Restore() is not { } windows || windows.Thresholds != thresholds || (e.LastActionAt is { } last && windows.StartedAt < last))
        {
            // From the last elastic resize on, if any; the grain seeds them with the latest sample that counts.
            return ([], e.IdleSince is not null, view.Tenant, new WindowsRequest(grant.AllocationId, thresholds, e.LastActionAt ?? DateTimeOffset.MinValue));
        }

        var state = new GrantElasticState(view.Resources, e.IdleSince, e.IdleMarkedAt, e.ReclaimAt, e.Protected, e.PostponedUntil, e.LastActionAt, e.PendingGrow is not null);
        var decision = ElasticEvaluator.Decide(windows, state, settings, now);
        if (decision.Action == ElasticAction.None)
        {
            return ([], e.IdleSince is not null, view.Tenant, null);
        }

        var result = await allocation.ApplyElastic(new ElasticCommand(decision.Action, decision.Reason, decision.Target, decision.IdleSince, decision.ReclaimAt));
        // A grow or shrink, done, refused or waiting for approval, starts the windows again (the allocation records when).
        var restart = decision.Action is ElasticAction.Grow or ElasticAction.Shrink ? new WindowsRequest(grant.AllocationId, thresholds, now) : null;
        var kind = Kind(result.Applied);
        if (kind is null)
        {
            return ([], e.IdleSince is not null, view.Tenant, restart);
        }

        LogAction(logger, kind, grant.AllocationId, cloudId, result.Detail);
        if (result.Applied != ElasticApplied.Refused)
        {
            ElasticMetrics.Actions.WithLabels(kind).Inc();
        }

        ElasticMetrics.AddReclaimed(result.Freed);
        if (result.Applied == ElasticApplied.Reclaimed)
        {
            await grains.GetGrain<ICloudUsageGrain>(cloudId).RecordReclaim(
                new ReclaimRecord(now, view.Id, view.Tenant, view.Pool, cloudId, result.Freed, decision.Reason));
        }

        var message = result.Applied == ElasticApplied.Refused ? $"{decision.Reason}: not done: {result.Detail}" : decision.Reason;
        await audit.RecordAsync(Audit.SystemAudit.Elastic, "elastic." + kind, view.Id, view.Tenant, view.Pool, message);
        var stillIdle = result.Applied == ElasticApplied.MarkedIdle || (e.IdleSince is not null && result.Applied is not (ElasticApplied.IdleCleared or ElasticApplied.Reclaimed));
        return ([new ElasticEvent(now, kind, view.Id, view.Tenant, view.Pool, cloudId, message)], stillIdle, view.Tenant, restart);
    }

    /// <summary>The event kind and metric label of what happened; null when nothing did.</summary>
    private static string? Kind(ElasticApplied applied) => applied switch
    {
        ElasticApplied.Grown => "grow",
        ElasticApplied.GrowRequested => "grow_requested",
        ElasticApplied.Shrunk => "shrink",
        ElasticApplied.MarkedIdle => "idle",
        ElasticApplied.IdleCleared => "idle_cleared",
        ElasticApplied.Reclaimed => "reclaim",
        ElasticApplied.Refused => "refused",
        _ => null,
    };

    [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "Elastic {Action} on allocation {AllocationId} (cloud {CloudId}): {Detail}")]
    private static partial void LogAction(ILogger logger, string action, string allocationId, string cloudId, string detail);
}
