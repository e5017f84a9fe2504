using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Host.Monitoring;

/// <summary>
/// Our resource names as Prometheus labels in base units, as kube-state-metrics labels them:
/// resource="memory", unit="byte" with GiB turned into bytes.
/// </summary>
internal static class ResourceUnits
{
    private const double GiB = 1024d * 1024 * 1024;

    public static (string Resource, string Unit, double Factor) Of(string name) => name switch
    {
        ResourceNames.Vcpu => ("vcpu", "core", 1),
        ResourceNames.MemoryGiB => ("memory", "byte", GiB),
        ResourceNames.StorageGiB => ("storage", "byte", GiB),
        ResourceNames.Gpu => ("gpu", "device", 1),
        _ => (name, "unit", 1),
    };

    /// <summary>Each resource of a vector with its labels and value in base units.</summary>
    public static IEnumerable<(string Resource, string Unit, double Value)> Entries(ResourceVector vector)
    {
        foreach (var (name, value) in vector.Entries)
        {
            var (resource, unit, factor) = Of(name);
            yield return (resource, unit, value * factor);
        }
    }
}
