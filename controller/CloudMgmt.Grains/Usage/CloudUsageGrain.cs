using CloudMgmt.Domain.Elastic;
using CloudMgmt.Domain.Metering;
using CloudMgmt.Domain.Usage;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Policies.Elastic;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Grains.Usage;

/// <summary>
/// Usage of one cloud's grants. Every pass is metered into durable hours, days and months (see
/// <see cref="CloudMeter"/> and <see cref="IUsageStore"/>); reclaims are stored. What stays in memory
/// per grant does not grow with time: its hour in progress and last sample (the meter), and its
/// elastic windows (<see cref="ElasticWindows"/>: a few numbers per resource, kept against the
/// thresholds the elastic pass gives). One activation per cloud, kept active so that a reconcile
/// interval longer than the idle collection age does not throw the windows away.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed partial class CloudUsageGrain(
    IOptions<UsageHistoryOptions> options, IOptions<MeteringOptions> metering, IUsageStore store, TimeProvider time, ILogger<CloudUsageGrain> logger,
    ElasticPolicySource? policy = null)
    : Grain, ICloudUsageGrain
{
    /// <summary>
    /// A grant's windows start with its first sample, kept against the policy's default thresholds:
    /// most grants have them, and their windows are then full from the start. The elastic pass
    /// starts them again for a grant whose own rules differ.
    /// </summary>
    private readonly ElasticThresholds? _defaults = policy is null ? null : ElasticThresholds.Of(policy.Current.Defaults);

    private readonly UsageHistoryOptions _options = options.Value;
    private readonly Dictionary<string, TrackedGrant> _grants = new(StringComparer.Ordinal);

    public async Task Record(UsageSnapshot snapshot)
    {
        foreach (var g in snapshot.Grants)
        {
            if (!_grants.TryGetValue(g.AllocationId, out var tracked))
            {
                _grants[g.AllocationId] = tracked = new TrackedGrant { Windows = _defaults is null ? null : new ElasticWindows(_defaults) };
            }

            (tracked.Tenant, tracked.Pool, tracked.SeenAt) = (g.Tenant, g.Pool, snapshot.At);
            tracked.Windows?.Add(new UsageSample(snapshot.At, g.Granted, g.Used));
        }

        foreach (var gone in _grants.Where(e => snapshot.At - e.Value.SeenAt > _options.Retention).Select(e => e.Key).ToList())
        {
            _grants.Remove(gone);
        }

        await WriteAsync(Meter.Record(snapshot.At, snapshot.Grants.Select(g => new MeterObservation(g.AllocationId, g.Tenant, g.Pool, g.Granted, g.Used)).ToList()));
    }

    public Task<IReadOnlyList<GrantWindows>> Windows()
    {
        IReadOnlyList<GrantWindows> result = _grants
            .Select(e => e.Value.Windows is { } w
                ? new GrantWindows(e.Key, e.Value.Tenant, e.Value.Pool, w.Thresholds, w.StartedAt, w.FirstAt, w.LastAt, w.Resources.ToList())
                : new GrantWindows(e.Key, e.Value.Tenant, e.Value.Pool, null, DateTimeOffset.MinValue, null, null, []))
            .ToList();
        return Task.FromResult(result);
    }

    public Task Track(IReadOnlyList<WindowsRequest> requests)
    {
        foreach (var request in requests)
        {
            if (_grants.TryGetValue(request.AllocationId, out var tracked))
            {
                tracked.Windows = new ElasticWindows(request.Thresholds);
                tracked.Windows.Restart(request.RestartAt);
                if (Meter.LastSample(request.AllocationId) is { } last && last.At >= request.RestartAt)
                {
                    tracked.Windows.Add(last);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task RecordReclaim(ReclaimRecord record) => store.AddReclaimAsync(record);

    public async Task<IReadOnlyList<ReclaimRecord>> Reclaimed(DateTimeOffset from, DateTimeOffset to) =>
        (await store.ReadReclaimsAsync(from, to, tenant: null)).Where(r => r.CloudId == this.GetPrimaryKeyString()).ToList();

    private sealed class TrackedGrant
    {
        public string Tenant { get; set; } = "";

        public string Pool { get; set; } = "";

        public DateTimeOffset SeenAt { get; set; }

        /// <summary>Null until the elastic pass says which thresholds apply.</summary>
        public ElasticWindows? Windows { get; set; }
    }
}
