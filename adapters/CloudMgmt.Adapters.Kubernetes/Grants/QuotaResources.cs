using CloudMgmt.Domain.Resources;
using k8s.Models;

namespace CloudMgmt.Adapters.Kubernetes.Grants;

/// <summary>
/// Our resource names to ResourceQuota keys and back: vcpu = <c>requests.cpu</c>, memoryGiB =
/// <c>requests.memory</c>, storageGiB = <c>requests.storage</c> (persistent volume claims), gpu =
/// <c>requests.&lt;gpuResource&gt;</c>, and any other extended resource (a name with a '/') as
/// <c>requests.&lt;name&gt;</c>. With <c>setLimits</c>, <c>limits.cpu</c> and <c>limits.memory</c> equal
/// the requests (Kubernetes quotas take extended resources as requests only).
/// </summary>
internal sealed class QuotaResources(string gpuResource, bool setLimits)
{
    private const string Requests = "requests.";

    public AdapterResult<SortedDictionary<string, string>> ToHard(ResourceVector resources)
    {
        var hard = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, amount) in resources.Entries)
        {
            switch (name)
            {
                case ResourceNames.Vcpu:
                    hard["requests.cpu"] = Quantities.Cores(amount);
                    if (setLimits)
                    {
                        hard["limits.cpu"] = Quantities.Cores(amount);
                    }

                    break;
                case ResourceNames.MemoryGiB:
                    hard["requests.memory"] = Quantities.Gibibytes(amount);
                    if (setLimits)
                    {
                        hard["limits.memory"] = Quantities.Gibibytes(amount);
                    }

                    break;
                case ResourceNames.StorageGiB:
                    hard["requests.storage"] = Quantities.Gibibytes(amount);
                    break;
                case ResourceNames.Gpu:
                    hard[Requests + gpuResource] = Quantities.Count(amount);
                    break;
                case var extended when extended.Contains('/', StringComparison.Ordinal):
                    hard[Requests + extended] = Quantities.Count(amount);
                    break;
                default:
                    return AdapterError.Of(AdapterErrorKind.Invalid, $"resource '{name}' has no Kubernetes quota equivalent");
            }
        }

        return hard;
    }

    /// <summary>The exact amounts, in our units, of a quota's <c>hard</c> or <c>used</c> map.</summary>
    public Dictionary<string, decimal> FromQuota(IDictionary<string, ResourceQuantity>? quantities)
    {
        var amounts = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (quantities is null)
        {
            return amounts;
        }

        foreach (var (key, quantity) in quantities)
        {
            var name = NameOf(key);
            if (name is null || (amounts.ContainsKey(name) && !key.StartsWith(Requests, StringComparison.Ordinal)))
            {
                continue; // "cpu" and "requests.cpu" mean the same; the explicit form wins
            }

            var value = Quantities.Value(quantity);
            amounts[name] = name is ResourceNames.MemoryGiB or ResourceNames.StorageGiB ? value / Quantities.GiB : value;
        }

        return amounts;
    }

    public static ResourceVector Round(IReadOnlyDictionary<string, decimal> amounts, Func<decimal, long> rounding) =>
        ResourceVector.From(amounts.Select(a => new KeyValuePair<string, long>(a.Key, Math.Max(0, rounding(a.Value)))));

    private string? NameOf(string key)
    {
        var resource = key.StartsWith(Requests, StringComparison.Ordinal) ? key[Requests.Length..] : key;
        return resource switch
        {
            "cpu" => ResourceNames.Vcpu,
            "memory" => ResourceNames.MemoryGiB,
            "storage" => ResourceNames.StorageGiB,
            _ when resource == gpuResource => ResourceNames.Gpu,
            _ when key.StartsWith(Requests, StringComparison.Ordinal) && ResourceNames.IsValid(resource) && resource.Contains('/') => resource,
            _ => null,
        };
    }
}
