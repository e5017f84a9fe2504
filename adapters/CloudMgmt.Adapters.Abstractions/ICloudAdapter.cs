namespace CloudMgmt.Adapters;

/// <summary>
/// What the controller needs from a cloud, and nothing more. Every call returns a value or an
/// expected failure (<see cref="AdapterError"/>); exceptions are for bugs. Implementations must be
/// safe to call concurrently and must never put credentials into errors, logs or results.
/// The controller wraps every call in its resilience pipeline (timeout, retry, breaker, rate
/// limit), so an adapter makes one attempt per call and says whether retrying makes sense.
/// </summary>
public interface ICloudAdapter
{
    /// <summary>The cloud kind this adapter manages ("sandbox", "openstack", "kubernetes", "ec2").</summary>
    string Kind { get; }

    /// <summary>Capacity per zone and CPU architecture, with the labels that placement filters on.</summary>
    Task<AdapterResult<CloudCapacity>> DescribeCapacityAsync(CancellationToken cancellationToken);

    /// <summary>Makes sure the tenant's space exists (a project, a namespace, a tag set). Idempotent.</summary>
    Task<AdapterResult<TenantSpace>> EnsureTenantSpaceAsync(TenantRef tenant, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the grant of one allocation exist with exactly these resources: creates it, or
    /// resizes the object that already carries the allocation id. Keyed by the allocation id, so a
    /// retry after a crash finds and adopts the object it made before instead of making a second.
    /// </summary>
    Task<AdapterResult<GrantObservation>> ApplyGrantAsync(GrantSpec grant, CancellationToken cancellationToken);

    /// <summary>Changes an existing grant's resources; NotFound when there is no grant to resize.</summary>
    Task<AdapterResult<GrantObservation>> ResizeGrantAsync(GrantSpec grant, CancellationToken cancellationToken);

    /// <summary>Removes the grant and returns its capacity. Releasing what is already gone succeeds.</summary>
    Task<AdapterResult<GrantRef>> ReleaseGrantAsync(GrantRef grant, CancellationToken cancellationToken);

    /// <summary>What is really granted on the cloud for one allocation, and how much of it is used; NotFound when it is gone.</summary>
    Task<AdapterResult<GrantObservation>> ObserveGrantAsync(GrantRef grant, CancellationToken cancellationToken);

    /// <summary>Every grant on the cloud that carries our management marks, ours or not: for drift and leak detection.</summary>
    Task<AdapterResult<IReadOnlyList<GrantObservation>>> ListGrantsAsync(CancellationToken cancellationToken);

    Task<AdapterResult<CloudHealth>> CheckHealthAsync(CancellationToken cancellationToken);
}

/// <summary>Optional capability: the cloud can remove a tenant's space when the tenant leaves.</summary>
public interface ITenantSpaceRemoval
{
    Task<AdapterResult<TenantRef>> RemoveTenantSpaceAsync(TenantRef tenant, CancellationToken cancellationToken);
}

/// <summary>Makes adapters of one kind. Registered explicitly per kind, not discovered by reflection.</summary>
public interface ICloudAdapterFactory
{
    string Kind { get; }

    /// <summary>
    /// Every problem with a registration at once, each under its field path (<c>endpoint</c>,
    /// <c>region</c>, <c>credentialsRef</c>, <c>settings.NAME</c>); empty when <see cref="Create"/>
    /// would make a working adapter as far as can be told without calling the cloud. Resolves and
    /// parses the credentials (through the confined <see cref="CredentialsResolver"/>); calls nothing.
    /// </summary>
    IReadOnlyList<RegistrationProblem> Validate(CloudConnection connection);

    /// <summary>
    /// Creates an adapter for one registered cloud; credentials are resolved from
    /// <see cref="CloudConnection.CredentialsRef"/> inside. Never throws for a bad registration: a
    /// registration with problems gets an adapter whose every call fails with them.
    /// </summary>
    ICloudAdapter Create(CloudConnection connection);

    /// <summary>Tries a registration's connection (authenticate, capacity, health) and keeps nothing: the dry run of a registration.</summary>
    Task<ConnectionProbe> ProbeAsync(CloudConnection connection, CancellationToken cancellationToken);
}
