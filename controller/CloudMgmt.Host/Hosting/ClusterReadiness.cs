using Orleans.Runtime;

namespace CloudMgmt.Host.Hosting;

/// <summary>
/// Whether this node's silo is an Active member of its cluster, as the membership protocol sees
/// it: false while joining, and again from the moment it starts leaving (shutdown) or is declared
/// dead, so that a load balancer stops sending it requests it can no longer serve.
/// </summary>
internal sealed class ClusterReadiness(IServiceProvider services)
{
    public SiloStatus LocalStatus
    {
        get
        {
            var membership = services.GetService<IClusterMembershipService>();
            var local = services.GetService<ILocalSiloDetails>();
            return membership is null || local is null ? SiloStatus.None : membership.CurrentSnapshot.GetSiloStatus(local.SiloAddress);
        }
    }
}
