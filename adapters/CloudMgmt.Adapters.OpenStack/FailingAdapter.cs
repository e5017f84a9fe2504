namespace CloudMgmt.Adapters.OpenStack;

/// <summary>Stands in for a cloud whose registration cannot work (no endpoint, unreadable credentials): every call says why.</summary>
internal sealed class FailingAdapter(string kind, AdapterError error) : ICloudAdapter
{
    public string Kind => kind;

    public Task<AdapterResult<CloudCapacity>> DescribeCapacityAsync(CancellationToken cancellationToken) => Task.FromResult<AdapterResult<CloudCapacity>>(error);

    public Task<AdapterResult<TenantSpace>> EnsureTenantSpaceAsync(TenantRef tenant, CancellationToken cancellationToken) => Task.FromResult<AdapterResult<TenantSpace>>(error);

    public Task<AdapterResult<GrantObservation>> ApplyGrantAsync(GrantSpec grant, CancellationToken cancellationToken) => Task.FromResult<AdapterResult<GrantObservation>>(error);

    public Task<AdapterResult<GrantObservation>> ResizeGrantAsync(GrantSpec grant, CancellationToken cancellationToken) => Task.FromResult<AdapterResult<GrantObservation>>(error);

    public Task<AdapterResult<GrantRef>> ReleaseGrantAsync(GrantRef grant, CancellationToken cancellationToken) => Task.FromResult<AdapterResult<GrantRef>>(error);

    public Task<AdapterResult<GrantObservation>> ObserveGrantAsync(GrantRef grant, CancellationToken cancellationToken) => Task.FromResult<AdapterResult<GrantObservation>>(error);

    public Task<AdapterResult<IReadOnlyList<GrantObservation>>> ListGrantsAsync(CancellationToken cancellationToken) => Task.FromResult<AdapterResult<IReadOnlyList<GrantObservation>>>(error);

    public Task<AdapterResult<CloudHealth>> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult<AdapterResult<CloudHealth>>(new CloudHealth(false, error.Message));
}
