using CloudMgmt.Domain.Metering;
using CloudMgmt.Domain.Usage;
using CloudMgmt.Grains.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Grains.Usage;

/// <summary>
/// Usage of one cloud's grants. Every pass is metered into durable hours, days and months (see
/// <see cref="CloudMeter"/> and <see cref="IUsageStore"/>); what stays in memory is a grant's hour in
/// progress and the short history the elastic policy reads, bounded per grant. Reclaims are stored.
/// One activation per cloud, kept active so that a reconcile interval longer than the idle
/// collection age does not throw the elastic history away.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed partial class CloudUsageGrain(
    IOptions<UsageHistoryOptions> options, IOptions<MeteringOptions> metering, IUsageStore store, TimeProvider time, ILogger<CloudUsageGrain> logger)
    : Grain, ICloudUsageGrain
{
    private readonly UsageHistoryOptions _options = options.Value;
    private readonly Dictionary<string, TrackedGrant> _grants = new(StringComparer.Ordinal);

    public async Task Record(UsageSnapshot snapshot)
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

        await WriteAsync(Meter.Record(snapshot.At, snapshot.Grants.Select(g => new MeterObservation(g.AllocationId, g.Tenant, g.Pool, g.Granted, g.Used)).ToList()));
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

    public Task RecordReclaim(ReclaimRecord record) => store.AddReclaimAsync(record);

    public async Task<IReadOnlyList<ReclaimRecord>> Reclaimed(DateTimeOffset from, DateTimeOffset to) =>
        (await store.ReadReclaimsAsync(from, to, tenant: null)).Where(r => r.CloudId == this.GetPrimaryKeyString()).ToList();

    private sealed class TrackedGrant(UsageSeriesBuffer buffer)
    {
        public UsageSeriesBuffer Buffer { get; } = buffer;

        public string Tenant { get; set; } = "";

        public string Pool { get; set; } = "";
    }
}
