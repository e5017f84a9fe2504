namespace CloudMgmt.Adapters.Sandbox;

/// <summary>The adapter over a <see cref="SandboxCloud"/>: every call waits the configured latency on the injected clock and may fail as configured.</summary>
public sealed class SandboxAdapter(SandboxCloud cloud, TimeProvider time) : ICloudAdapter, ITenantSpaceRemoval
{
    public const string KindName = "sandbox";

    public string Kind => KindName;

    public Task<AdapterResult<CloudCapacity>> DescribeCapacityAsync(CancellationToken cancellationToken) =>
        CallAsync(() => (AdapterResult<CloudCapacity>)cloud.Capacity(), cancellationToken);

    public Task<AdapterResult<TenantSpace>> EnsureTenantSpaceAsync(TenantRef tenant, CancellationToken cancellationToken) =>
        CallAsync(() => (AdapterResult<TenantSpace>)cloud.EnsureSpace(tenant), cancellationToken);

    public async Task<AdapterResult<GrantObservation>> ApplyGrantAsync(GrantSpec grant, CancellationToken cancellationToken)
    {
        var result = await CallAsync(() => cloud.Apply(grant, mustExist: false), cancellationToken);
        if (cloud.Options.ApplyDelay > TimeSpan.Zero)
        {
            await Task.Delay(cloud.Options.ApplyDelay, time, cancellationToken);
        }

        return result;
    }

    public Task<AdapterResult<GrantObservation>> ResizeGrantAsync(GrantSpec grant, CancellationToken cancellationToken) =>
        CallAsync(() => cloud.Apply(grant, mustExist: true), cancellationToken);

    public Task<AdapterResult<GrantRef>> ReleaseGrantAsync(GrantRef grant, CancellationToken cancellationToken) =>
        CallAsync(() =>
        {
            cloud.Release(grant.AllocationId);
            return (AdapterResult<GrantRef>)grant;
        }, cancellationToken);

    public Task<AdapterResult<GrantObservation>> ObserveGrantAsync(GrantRef grant, CancellationToken cancellationToken) =>
        CallAsync(() => cloud.ObserveGrant(grant.AllocationId) is { } observed
            ? (AdapterResult<GrantObservation>)observed
            : AdapterError.Of(AdapterErrorKind.NotFound, $"no grant for allocation '{grant.AllocationId}'"), cancellationToken);

    public Task<AdapterResult<IReadOnlyList<GrantObservation>>> ListGrantsAsync(CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<GrantObservation>>(() => new(cloud.List(), null), cancellationToken);

    public Task<AdapterResult<CloudHealth>> CheckHealthAsync(CancellationToken cancellationToken) =>
        CallAsync(() => (AdapterResult<CloudHealth>)new CloudHealth(true, "sandbox is answering"), cancellationToken);

    public Task<AdapterResult<TenantRef>> RemoveTenantSpaceAsync(TenantRef tenant, CancellationToken cancellationToken) =>
        CallAsync(() => (AdapterResult<TenantRef>)tenant, cancellationToken);

    private async Task<AdapterResult<T>> CallAsync<T>(Func<AdapterResult<T>> call, CancellationToken cancellationToken)
    {
        if (cloud.Options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(cloud.Options.Latency, time, cancellationToken);
        }

        return cloud.ShouldFail()
            ? AdapterError.Of(AdapterErrorKind.Unavailable, "sandbox: injected outage")
            : call();
    }
}
