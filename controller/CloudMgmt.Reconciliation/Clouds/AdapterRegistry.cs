using CloudMgmt.Adapters;
using CloudMgmt.Grains.Clouds;

namespace CloudMgmt.Reconciliation.Clouds;

/// <summary>
/// The adapter factories this controller knows, by kind (registered explicitly at start-up), and one
/// adapter per registered cloud in this silo: made on first use, kept while the cloud's connection
/// (<see cref="CloudConnections.Same"/>, compared by value, so a spec that crossed silos still matches)
/// stays the same, replaced when it changes, and dropped when the cloud leaves. A replaced or dropped
/// adapter is disposed (its HTTP connections, its token) once calls that may still use it are over,
/// and the cloud's resilience pipeline is evicted with it.
/// </summary>
internal sealed partial class AdapterRegistry(
    IEnumerable<ICloudAdapterFactory> factories, CloudResilience resilience, TimeProvider time, ILogger<AdapterRegistry> logger)
{
    /// <summary>How long a replaced adapter lives on for the calls already holding it: longer than a call with its retries.</summary>
    public static readonly TimeSpan RetireAfter = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, ICloudAdapterFactory> _factories = factories.ToDictionary(f => f.Kind, StringComparer.Ordinal);
    private readonly Dictionary<string, (CloudSpec Spec, ICloudAdapter Adapter)> _adapters = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public IReadOnlyCollection<string> Kinds => _factories.Keys;

    public bool Knows(string kind) => _factories.ContainsKey(kind);

    public ICloudAdapter For(CloudSpec spec)
    {
        ICloudAdapter? retired;
        ICloudAdapter adapter;
        lock (_gate)
        {
            if (_adapters.TryGetValue(spec.Id, out var known) && CloudConnections.Same(known.Spec, spec))
            {
                return known.Adapter;
            }

            adapter = _factories[spec.Kind].Create(CloudRegistrations.Connection(spec));
            _adapters[spec.Id] = (spec, adapter);
            retired = known.Adapter;
        }

        if (retired is not null)
        {
            LogReplaced(logger, spec.Id);
            Retire(spec.Id, retired);
        }

        return adapter;
    }

    /// <summary>Drops the adapters (and pipelines) of clouds that are no longer registered.</summary>
    public void Retain(IReadOnlyCollection<string> registered)
    {
        var keep = registered.ToHashSet(StringComparer.Ordinal);
        List<(string Id, ICloudAdapter Adapter)> gone;
        lock (_gate)
        {
            gone = _adapters.Where(a => !keep.Contains(a.Key)).Select(a => (a.Key, a.Value.Adapter)).ToList();
            gone.ForEach(g => _adapters.Remove(g.Id));
        }

        foreach (var (id, adapter) in gone)
        {
            LogDropped(logger, id);
            Retire(id, adapter);
        }
    }

    /// <summary>How many adapters this silo holds: one per registered cloud it has called.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _adapters.Count;
            }
        }
    }

    private void Retire(string cloudId, ICloudAdapter adapter)
    {
        resilience.Evict(cloudId);
        if (adapter is IDisposable disposable)
        {
            _ = DisposeLaterAsync(disposable);
        }
    }

    private async Task DisposeLaterAsync(IDisposable adapter)
    {
        await Task.Delay(RetireAfter, time);
        adapter.Dispose();
    }

    [LoggerMessage(EventId = 3110, Level = LogLevel.Information, Message = "Cloud {CloudId}: its connection changed; a new adapter replaces the old one")]
    private static partial void LogReplaced(ILogger logger, string cloudId);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Information, Message = "Cloud {CloudId} is no longer registered; its adapter and pipeline are dropped")]
    private static partial void LogDropped(ILogger logger, string cloudId);
}

/// <summary>What an adapter is made from, compared by value (records compare dictionaries by reference).</summary>
internal static class CloudConnections
{
    /// <summary>Same kind, endpoint (and whether it may be http), region, credentials reference and settings: the adapter made for one serves the other. Labels do not matter to it.</summary>
    public static bool Same(CloudSpec a, CloudSpec b) =>
        a.Id == b.Id && a.Kind == b.Kind && a.Endpoint == b.Endpoint && a.Region == b.Region && a.CredentialsRef == b.CredentialsRef
        && a.AllowInsecureEndpoint == b.AllowInsecureEndpoint
        && a.Settings.Count == b.Settings.Count
        && a.Settings.All(s => b.Settings.TryGetValue(s.Key, out var other) && string.Equals(s.Value, other, StringComparison.Ordinal));
}
