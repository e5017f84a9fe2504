namespace CloudMgmt.Adapters;

/// <summary>What trying a registration's connection found (a dry run): whether the cloud answered as it should, why not, and its capacity.</summary>
/// <param name="Detail">A reason as <see cref="HealthReason.Of"/> makes it: never the cloud's own words.</param>
public sealed record ConnectionProbe(bool Healthy, string Detail, CloudCapacity? Capacity)
{
    /// <summary>
    /// Authenticated calls that change nothing: capacity (which needs the credentials on every kind)
    /// and health. The adapter is disposed afterwards; nothing of it is kept.
    /// </summary>
    public static async Task<ConnectionProbe> RunAsync(ICloudAdapter adapter, CancellationToken cancellationToken)
    {
        try
        {
            var capacity = await adapter.DescribeCapacityAsync(cancellationToken);
            if (!capacity.Succeeded)
            {
                return new ConnectionProbe(false, HealthReason.Of(capacity.Error!), null);
            }

            var health = await adapter.CheckHealthAsync(cancellationToken);
            return health.Succeeded
                ? new ConnectionProbe(health.Value!.Healthy, HealthReason.Clean(health.Value.Detail), capacity.Value)
                : new ConnectionProbe(false, HealthReason.Of(health.Error!), capacity.Value);
        }
        finally
        {
            switch (adapter)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
