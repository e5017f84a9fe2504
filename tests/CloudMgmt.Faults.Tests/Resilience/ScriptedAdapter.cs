using CloudMgmt.Adapters;

namespace CloudMgmt.Faults.Tests.Resilience;

/// <summary>An adapter whose health calls answer from a script (an error, or healthy), recording when each call came.</summary>
internal sealed class ScriptedAdapter(TimeProvider time, params AdapterError?[] script) : ICloudAdapter, IDisposable
{
    private readonly List<DateTimeOffset> _calls = [];

    public string Kind => "scripted";

    public bool Disposed { get; private set; }

    public IReadOnlyList<DateTimeOffset> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public Task<AdapterResult<CloudHealth>> CheckHealthAsync(CancellationToken cancellationToken)
    {
        int n;
        lock (_calls)
        {
            n = _calls.Count;
            _calls.Add(time.GetUtcNow());
        }

        var error = n < script.Length ? script[n] : null;
        return Task.FromResult(error is null ? new AdapterResult<CloudHealth>(new CloudHealth(true, "ok"), null) : new AdapterResult<CloudHealth>(null, error));
    }

    public void Dispose() => Disposed = true;

    public Task<AdapterResult<CloudCapacity>> DescribeCapacityAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AdapterResult<TenantSpace>> EnsureTenantSpaceAsync(TenantRef tenant, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AdapterResult<GrantObservation>> ApplyGrantAsync(GrantSpec grant, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AdapterResult<GrantObservation>> ResizeGrantAsync(GrantSpec grant, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AdapterResult<GrantRef>> ReleaseGrantAsync(GrantRef grant, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AdapterResult<GrantObservation>> ObserveGrantAsync(GrantRef grant, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AdapterResult<IReadOnlyList<GrantObservation>>> ListGrantsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}

/// <summary>Makes <see cref="ScriptedAdapter"/>s and keeps each one it made.</summary>
internal sealed class ScriptedFactory(TimeProvider time) : ICloudAdapterFactory
{
    public List<ScriptedAdapter> Made { get; } = [];

    public string Kind => "scripted";

    public IReadOnlyList<RegistrationProblem> Validate(CloudConnection connection) => [];

    public Task<ConnectionProbe> ProbeAsync(CloudConnection connection, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ICloudAdapter Create(CloudConnection connection)
    {
        var adapter = new ScriptedAdapter(time);
        Made.Add(adapter);
        return adapter;
    }
}
