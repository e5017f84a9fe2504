using CloudMgmt.Domain.Audit;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Grains.Pools;

namespace CloudMgmt.Reconciliation.Audit;

/// <summary>
/// The audit records of the controller's own passes: what the reconciler did to a grant on a cloud
/// and what the elastic pass did to an allocation, as system:reconciler and system:elastic, in the
/// place of the allocation's tenant (so scoped readers see those of their part of the tree).
/// </summary>
public sealed class SystemAudit(IGrainFactory grains, IAuditStore store, TimeProvider time)
{
    public const string Reconciler = "reconciler";
    public const string Elastic = "elastic";

    public async Task RecordAsync(string actor, string action, string allocationId, string tenant, string pool, string detail)
    {
        var path = await grains.GetGrain<ICatalogGrain>(CatalogGrain.Key).GetAdmissionPath(pool);
        var scope = AuditScope.Of(path is null ? [pool] : path.PoolIds.Reverse(), tenant);
        await store.AppendAsync(new AuditEntry(
            time.GetUtcNow(), AuditActor.System(actor), "controller", null, action, $"allocation:{allocationId}", 200, detail, scope));
    }
}
