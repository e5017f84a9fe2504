using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.OpenStack.Grants;

/// <summary>A flavor's size, for turning cores and RAM into an instance count.</summary>
internal sealed record FlavorSize(string Name, long Vcpus, long RamMiB);

/// <summary>The quota values the adapter sets on a project: Nova cores, ram (MiB) and instances; Cinder gigabytes when there is a volume service.</summary>
internal sealed record ProjectQuota(long Cores, long RamMiB, long Instances, long? Gigabytes);

/// <summary>
/// Quota arithmetic, pure: what a project's quota must be for its ledger, and what each grant really
/// has when the quota on the cloud differs from that (drift).
/// </summary>
internal static class QuotaPlan
{
    /// <summary>
    /// The quota for a ledger total. Instances come from the flavor policy: as many instances of the
    /// flavor as the cores or the RAM allow, whichever is more; without a flavor, one per vCPU.
    /// </summary>
    public static ProjectQuota For(ResourceVector total, FlavorSize? flavor, bool withVolumes)
    {
        var cores = total[ResourceNames.Vcpu];
        var ram = total[ResourceNames.MemoryGiB] * 1024;
        var instances = flavor is null
            ? cores
            : Math.Max(CeilDiv(cores, Math.Max(1, flavor.Vcpus)), CeilDiv(ram, Math.Max(1, flavor.RamMiB)));
        return new ProjectQuota(cores, ram, instances, withVolumes ? total[ResourceNames.StorageGiB] : null);
    }

    /// <summary>
    /// What one grant really has, given the project's ledger and the quota found on the cloud. A
    /// difference between the quota found and the quota the ledger calls for is drift; it is shown on
    /// every grant of the project (clamped at zero), so that the reconciler sees it and re-applies,
    /// which sets the whole project's quota back. Resources the cloud does not enforce (GPU; storage
    /// without a volume service) are as the ledger says.
    /// </summary>
    public static ResourceVector Observed(LedgerEntry entry, ProjectQuota expected, ProjectQuota actual)
    {
        var delta = new List<KeyValuePair<string, long>>
        {
            new(ResourceNames.Vcpu, actual.Cores - expected.Cores),
            new(ResourceNames.MemoryGiB, FloorDiv(actual.RamMiB, 1024) - FloorDiv(expected.RamMiB, 1024)),
        };
        if (expected.Gigabytes is { } want && actual.Gigabytes is { } have)
            delta.Add(new(ResourceNames.StorageGiB, have - want));
        var result = entry.Granted.ToDictionary();
        foreach (var (name, d) in delta)
            result[name] = Math.Max(0, (result.TryGetValue(name, out var v) ? v : 0) + d);
        return ResourceVector.From(result);
    }

    /// <summary>A project's use split over its grants in proportion to their size (integer, rounded down).</summary>
    public static ResourceVector ShareOf(ResourceVector projectUse, ResourceVector grant, ResourceVector ledgerTotal) =>
        ResourceVector.From(projectUse.Entries.Select(u => KeyValuePair.Create(u.Key,
            ledgerTotal[u.Key] == 0 ? 0 : Math.Min(grant[u.Key], u.Value * grant[u.Key] / ledgerTotal[u.Key]))));

    private static long CeilDiv(long a, long b) => a <= 0 ? 0 : (a + b - 1) / b;

    private static long FloorDiv(long a, long b) => a < 0 ? -((-a + b - 1) / b) : a / b;
}
