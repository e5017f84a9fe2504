using CloudMgmt.Domain.Allocations;
using CloudMgmt.Domain.Elastic;
using CloudMgmt.Domain.Usage;
using CloudMgmt.Grains.Allocations;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains.Usage;
using CloudMgmt.Policies.Elastic;

namespace CloudMgmt.Reconciliation.Elastic;

/// <summary>
/// One pass of the elastic controller over every cloud: reads each grant's usage history, decides
/// with the pure <see cref="ElasticEvaluator"/> under the policy in force for its tenant and pool
/// path, and has the allocation carry the decision out (through its normal resize and release
/// paths). Records events, reclaims and metrics.
/// </summary>
internal sealed partial class ElasticPass(IGrainFactory grains, ElasticPolicySource policy, TimeProvider time, ILogger<ElasticPass> logger)
{
    private const int GrantsAtOnce = 8;

    public async Task<IReadOnlyList<ElasticEvent>> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var events = new List<ElasticEvent>();
        var idle = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cloudId in await grains.GetGrain<ICloudDirectoryGrain>(CloudDirectoryGrain.Key).List())
        {
            var desired = (await grains.GetGrain<ICloudGrain>(cloudId).GetDesired()).Where(d => !d.Releasing).Select(d => d.AllocationId).ToHashSet(StringComparer.Ordinal);
            var history = (await grains.GetGrain<ICloudUsageGrain>(cloudId).History(null)).Where(s => desired.Contains(s.AllocationId)).ToList();
            await Parallel.ForEachAsync(history, new ParallelOptions { MaxDegreeOfParallelism = GrantsAtOnce, CancellationToken = cancellationToken },
                async (series, _) =>
                {
                    var (happened, isIdle, tenant) = await GrantAsync(cloudId, series, now);
                    lock (events)
                    {
                        events.AddRange(happened);
                        idle[tenant] = idle.GetValueOrDefault(tenant) + (isIdle ? 1 : 0);
                    }
                });
        }

        ElasticMetrics.SetIdle(idle.Where(e => e.Value > 0).ToDictionary());
        await grains.GetGrain<IElasticEventsGrain>(ElasticEventsGrain.Key).Add(events);
        return events;
    }

    private async Task<(List<ElasticEvent> Events, bool Idle, string Tenant)> GrantAsync(string cloudId, GrantUsageSeries series, DateTimeOffset now)
    {
        var allocation = grains.GetGrain<IAllocationGrain>(series.AllocationId);
        if (await allocation.Get() is not { Status: AllocationStatus.Ready } view)
        {
            return ([], false, series.Tenant);
        }

        var e = view.Elastic!;
        var state = new GrantElasticState(view.Resources, e.IdleSince, e.IdleMarkedAt, e.ReclaimAt, e.Protected, e.PostponedUntil, e.LastActionAt, e.PendingGrow is not null);
        var samples = series.Points.Select(p => new UsageSample(p.At, p.Granted, p.Used)).ToList();
        var decision = ElasticEvaluator.Decide(samples, state, policy.Current.For(view.Tenant, view.Decision.Path), now);
        if (decision.Action == ElasticAction.None)
        {
            return ([], e.IdleSince is not null, view.Tenant);
        }

        var result = await allocation.ApplyElastic(new ElasticCommand(decision.Action, decision.Reason, decision.Target, decision.IdleSince, decision.ReclaimAt));
        var kind = Kind(result.Applied);
        if (kind is null)
        {
            return ([], e.IdleSince is not null, view.Tenant);
        }

        LogAction(logger, kind, series.AllocationId, cloudId, result.Detail);
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
        var stillIdle = result.Applied == ElasticApplied.MarkedIdle || (e.IdleSince is not null && result.Applied is not (ElasticApplied.IdleCleared or ElasticApplied.Reclaimed));
        return ([new ElasticEvent(now, kind, view.Id, view.Tenant, view.Pool, cloudId, message)], stillIdle, view.Tenant);
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
