using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains.Usage;

namespace CloudMgmt.Reconciliation.Clouds;

/// <summary>When pending work counts as stuck. Bound from the "Reconcile" section and validated at start.</summary>
public sealed class StuckWorkOptions
{
    /// <summary>How long a grant may wait to be made, resized or removed before it is reported stuck. Default 15 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Makes work that does not converge visible: after each grant pass over a cloud, the grants that
/// have waited longer than <see cref="StuckWorkOptions.StuckAfter"/> to be made, resized or removed
/// (a cloud refusing, a quota it lacks, an outage) are counted in <c>cloudmgmt_stuck_grants</c>
/// (the alert CloudMgmtGrantsStuck fires on it), and each one is logged and written to the
/// controller's event feed (kind <c>stuck</c>) once, when it becomes stuck.
/// </summary>
internal sealed partial class StuckGrants(
    IGrainFactory grains, Microsoft.Extensions.Options.IOptions<StuckWorkOptions> options, TimeProvider time, ILogger<StuckGrants> logger)
{
    private readonly ConcurrentDictionary<(string Cloud, string Allocation), DateTimeOffset> _reported = new();

    public async Task CheckAsync(string cloudId)
    {
        var now = time.GetUtcNow();
        var after = options.Value.StuckAfter;
        var stuck = (await grains.GetGrain<ICloudGrain>(cloudId).GetDesired())
            .Where(d => (!d.Confirmed || d.Releasing) && d.PendingSince is { } since && now - since >= after).ToList();
        ReconcileMetrics.StuckGrants.WithLabels(cloudId).Set(stuck.Count);

        var fresh = new List<ElasticEvent>();
        foreach (var grant in stuck.Where(g => _reported.GetValueOrDefault((cloudId, g.AllocationId)) != g.PendingSince))
        {
            _reported[(cloudId, grant.AllocationId)] = grant.PendingSince!.Value;
            var what = grant.Releasing ? "removed" : grant.Confirmed ? "changed" : "made or resized";
            var age = now - grant.PendingSince.Value;
            LogStuck(logger, cloudId, grant.AllocationId, what, age);
            fresh.Add(new ElasticEvent(now, "stuck", grant.AllocationId, grant.Tenant, grant.Pool, cloudId,
                $"the grant of {grant.Resources} on {cloudId} has waited {age:d\\.hh\\:mm} to be {what}; the allocation's history says why"));
        }

        var waiting = stuck.Select(g => g.AllocationId).ToHashSet(StringComparer.Ordinal);
        foreach (var key in _reported.Keys.Where(k => k.Cloud == cloudId && !waiting.Contains(k.Allocation)))
        {
            _reported.TryRemove(key, out _); // converged (or gone): a later wait is reported anew
        }

        if (fresh.Count > 0)
        {
            await grains.GetGrain<IElasticEventsGrain>(ElasticEventsGrain.Key).Add(fresh);
        }
    }

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning,
        Message = "Cloud {CloudId}: the grant of allocation {AllocationId} has not been {What} after {Age}; it is stuck")]
    private static partial void LogStuck(ILogger logger, string cloudId, string allocationId, string what, TimeSpan age);
}
