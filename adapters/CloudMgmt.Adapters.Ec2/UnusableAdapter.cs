namespace CloudMgmt.Adapters.Ec2;

/// <summary>Stands in for an EC2 cloud whose registration cannot work (bad settings, unreadable credentials): every call says why.</summary>
internal sealed class UnusableAdapter(AdapterError error) : ICloudAdapter
{
    public string Kind => Ec2AdapterFactory.KindName;

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
