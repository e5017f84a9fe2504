using System.Collections.Concurrent;
using CloudMgmt.Adapters;
using CloudMgmt.Grains.Clouds;

namespace CloudMgmt.Reconciliation.Clouds;

/// <summary>
/// The adapter factories this controller knows, by kind (registered explicitly at start-up), and
/// one adapter per registered cloud, made on first use and made again when its registration changes.
/// </summary>
internal sealed class AdapterRegistry(IEnumerable<ICloudAdapterFactory> factories)
{
    private readonly Dictionary<string, ICloudAdapterFactory> _factories = factories.ToDictionary(f => f.Kind, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (CloudSpec Spec, ICloudAdapter Adapter)> _adapters = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Kinds => _factories.Keys;

    public bool Knows(string kind) => _factories.ContainsKey(kind);

    public ICloudAdapter For(CloudSpec spec)
    {
        if (_adapters.TryGetValue(spec.Id, out var known) && known.Spec == spec)
        {
            return known.Adapter;
        }

        var adapter = _factories[spec.Kind].Create(new CloudConnection(spec.Id, spec.Kind, spec.Endpoint, spec.Region, spec.CredentialsRef, spec.Settings));
        _adapters[spec.Id] = (spec, adapter);
        return adapter;
    }
}
