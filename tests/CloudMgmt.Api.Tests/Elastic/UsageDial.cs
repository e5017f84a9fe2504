using System.Collections.Concurrent;
using CloudMgmt.Adapters;
using CloudMgmt.Adapters.Sandbox;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Api.Tests.Elastic;

/// <summary>
/// A back door to a sandbox cloud's usage: the share of its grant an allocation uses, set by the
/// test. Allocations without a setting keep the sandbox's own simulated usage (its steady profile).
/// </summary>
public sealed class UsageDial
{
    private readonly ConcurrentDictionary<string, double> _shares = new(StringComparer.Ordinal);

    public void Set(string allocationId, double share) => _shares[allocationId] = share;

    public GrantObservation Apply(GrantObservation o) => _shares.TryGetValue(o.AllocationId, out var share)
        ? o with { Used = ResourceVector.From(o.Granted.Entries.Select(e => new KeyValuePair<string, long>(e.Key, (long)Math.Floor(e.Value * share)))) }
        : o;
}

/// <summary>Sandbox clouds of kind "dial-sandbox" (the provincial x86 preset) whose listed usage goes through a <see cref="UsageDial"/>.</summary>
public sealed class DialSandboxFactory(UsageDial dial, TimeProvider time) : ICloudAdapterFactory
{
    public const string KindName = "dial-sandbox";
    private readonly ConcurrentDictionary<string, SandboxCloud> _clouds = new(StringComparer.Ordinal);

    public string Kind => KindName;

    public SandboxCloud CloudFor(string cloudId) => _clouds[cloudId];

    public IReadOnlyList<RegistrationProblem> Validate(CloudConnection connection) => [];

    public ICloudAdapter Create(CloudConnection connection) =>
        new DialAdapter(new SandboxAdapter(_clouds.GetOrAdd(connection.CloudId, _ => new SandboxCloud(SandboxPresets.ProvinceX86(), time)), time), dial);

    public Task<ConnectionProbe> ProbeAsync(CloudConnection connection, CancellationToken cancellationToken) =>
        ConnectionProbe.RunAsync(new SandboxAdapter(new SandboxCloud(SandboxPresets.ProvinceX86(), time), time), cancellationToken);

    private sealed class DialAdapter(SandboxAdapter inner, UsageDial dial) : ICloudAdapter
    {
        public string Kind => KindName;

        public Task<AdapterResult<CloudCapacity>> DescribeCapacityAsync(CancellationToken ct) => inner.DescribeCapacityAsync(ct);

        public Task<AdapterResult<TenantSpace>> EnsureTenantSpaceAsync(TenantRef tenant, CancellationToken ct) => inner.EnsureTenantSpaceAsync(tenant, ct);

        public Task<AdapterResult<GrantObservation>> ApplyGrantAsync(GrantSpec grant, CancellationToken ct) => inner.ApplyGrantAsync(grant, ct);

        public Task<AdapterResult<GrantObservation>> ResizeGrantAsync(GrantSpec grant, CancellationToken ct) => inner.ResizeGrantAsync(grant, ct);

        public Task<AdapterResult<GrantRef>> ReleaseGrantAsync(GrantRef grant, CancellationToken ct) => inner.ReleaseGrantAsync(grant, ct);

        public Task<AdapterResult<GrantObservation>> ObserveGrantAsync(GrantRef grant, CancellationToken ct) => inner.ObserveGrantAsync(grant, ct);

        public async Task<AdapterResult<IReadOnlyList<GrantObservation>>> ListGrantsAsync(CancellationToken ct)
        {
            var listed = await inner.ListGrantsAsync(ct);
            return listed.Succeeded ? new AdapterResult<IReadOnlyList<GrantObservation>>(listed.Value!.Select(dial.Apply).ToList(), null) : listed;
        }

        public Task<AdapterResult<CloudHealth>> CheckHealthAsync(CancellationToken ct) => inner.CheckHealthAsync(ct);
    }
}
