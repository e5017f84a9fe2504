using Prometheus;

namespace CloudMgmt.Host.Monitoring;

/// <summary>
/// Writes a labelled gauge's series as a whole: every series given is set, and every series this set
/// wrote before but not now (a removed cloud, a tenant that released everything) is removed, so that
/// nothing stale is scraped. Only its own series: several collectors in one process (test hosts)
/// do not remove each other's.
/// </summary>
internal sealed class GaugeSet(Gauge gauge)
{
    private Dictionary<string, string[]> _written = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string[] Labels, double Value)> _next = new(StringComparer.Ordinal);

    public void Set(double value, params string[] labels) => _next[string.Join('\u001f', labels)] = (labels, value);

    /// <summary>Removes every series this set wrote (the host is stopping).</summary>
    public void Forget()
    {
        _next.Clear();
        Apply();
    }

    public void Apply()
    {
        foreach (var (labels, value) in _next.Values)
            gauge.WithLabels(labels).Set(value);
        foreach (var (key, labels) in _written)
        {
            if (!_next.ContainsKey(key))
                gauge.RemoveLabelled(labels);
        }
        _written = _next.ToDictionary(e => e.Key, e => e.Value.Labels, StringComparer.Ordinal);
        _next.Clear();
    }
}
