using CloudMgmt.Domain.Usage;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Grains.Usage;

/// <summary>
/// Usage history of one cloud's grants. Deliberately in memory, without persistence: it is a short,
/// rebuildable history (the reconciler records every pass), so a silo restart or a move of the
/// grain loses at most the elastic windows in progress, which then start again. Bounded: a fixed
/// ring per grant, grants unseen for longer than the retention dropped, reclaim records capped.
/// One activation per cloud, kept active so that a reconcile interval longer than the idle
/// collection age does not throw the history away.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class CloudUsageGrain(IOptions<UsageHistoryOptions> options) : Grain, ICloudUsageGrain
{
    private readonly UsageHistoryOptions _options = options.Value;
    private readonly Dictionary<string, TrackedGrant> _grants = new(StringComparer.Ordinal);
    private readonly LinkedList<ReclaimRecord> _reclaims = new();

    public Task Record(UsageSnapshot snapshot)
    {
        foreach (var g in snapshot.Grants)
        {
            if (!_grants.TryGetValue(g.AllocationId, out var tracked))
            {
                _grants[g.AllocationId] = tracked = new TrackedGrant(new UsageSeriesBuffer(_options.MaxPoints, _options.Resolution));
            }

            tracked.Tenant = g.Tenant;
            tracked.Pool = g.Pool;
            tracked.Buffer.Add(new UsageSample(snapshot.At, g.Granted, g.Used));
        }

        foreach (var gone in _grants.Where(e => snapshot.At - e.Value.Buffer.Latest!.At > _options.Retention).Select(e => e.Key).ToList())
        {
            _grants.Remove(gone);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<GrantUsageSeries>> History(string? allocationId)
    {
        var chosen = allocationId is null ? _grants : _grants.Where(e => e.Key == allocationId);
        IReadOnlyList<GrantUsageSeries> result = chosen
            .Select(e => new GrantUsageSeries(e.Key, e.Value.Tenant, e.Value.Pool,
                e.Value.Buffer.Points().Select(p => new UsagePoint(p.At, p.Granted, p.Used)).ToList()))
            .ToList();
        return Task.FromResult(result);
    }

    public Task<IReadOnlyList<GrantUsageAverage>> Summarize(DateTimeOffset from, DateTimeOffset to)
    {
        var result = new List<GrantUsageAverage>();
        foreach (var (id, grant) in _grants)
        {
            // A gap of more than two buckets is missing data, not a long steady spell.
            if (UsageAverages.Mean(grant.Buffer.Points(), from, to, _options.Resolution * 2) is { } mean)
            {
                result.Add(new GrantUsageAverage(id, grant.Tenant, grant.Pool, UsageMean.Round(mean.Granted), UsageMean.Round(mean.Used), mean.Samples));
            }
        }

        return Task.FromResult<IReadOnlyList<GrantUsageAverage>>(result);
    }

    public Task RecordReclaim(ReclaimRecord record)
    {
        _reclaims.AddLast(record);
        while (_reclaims.Count > _options.MaxReclaims)
        {
            _reclaims.RemoveFirst();
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ReclaimRecord>> Reclaimed(DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult<IReadOnlyList<ReclaimRecord>>(_reclaims.Where(r => r.At >= from && r.At <= to).ToList());

    private sealed class TrackedGrant(UsageSeriesBuffer buffer)
    {
        public UsageSeriesBuffer Buffer { get; } = buffer;

        public string Tenant { get; set; } = "";

        public string Pool { get; set; } = "";
    }
}
