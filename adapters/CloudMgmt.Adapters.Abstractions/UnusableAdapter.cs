namespace CloudMgmt.Adapters;

/// <summary>
/// Stands in for a cloud whose registration cannot work (no endpoint, bad settings, unreadable
/// credentials): every call fails with the reason and health says it, so a factory never throws.
/// </summary>
public sealed class UnusableAdapter(string kind, AdapterError error) : ICloudAdapter
{
    public string Kind => kind;

    public Task<AdapterResult<CloudCapacity>> DescribeCapacityAsync(CancellationToken cancellationToken) => Fail<CloudCapacity>();

    public Task<AdapterResult<TenantSpace>> EnsureTenantSpaceAsync(TenantRef tenant, CancellationToken cancellationToken) => Fail<TenantSpace>();

    public Task<AdapterResult<GrantObservation>> ApplyGrantAsync(GrantSpec grant, CancellationToken cancellationToken) => Fail<GrantObservation>();

    public Task<AdapterResult<GrantObservation>> ResizeGrantAsync(GrantSpec grant, CancellationToken cancellationToken) => Fail<GrantObservation>();

    public Task<AdapterResult<GrantRef>> ReleaseGrantAsync(GrantRef grant, CancellationToken cancellationToken) => Fail<GrantRef>();

    public Task<AdapterResult<GrantObservation>> ObserveGrantAsync(GrantRef grant, CancellationToken cancellationToken) => Fail<GrantObservation>();

    public Task<AdapterResult<IReadOnlyList<GrantObservation>>> ListGrantsAsync(CancellationToken cancellationToken) => Fail<IReadOnlyList<GrantObservation>>();

    public Task<AdapterResult<CloudHealth>> CheckHealthAsync(CancellationToken cancellationToken) =>
        Task.FromResult<AdapterResult<CloudHealth>>(new CloudHealth(false, error.Message));

    private Task<AdapterResult<T>> Fail<T>() => Task.FromResult<AdapterResult<T>>(error);
}
