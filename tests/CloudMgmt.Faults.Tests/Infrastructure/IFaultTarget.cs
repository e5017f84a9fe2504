using CloudMgmt.Adapters.Sandbox;
using CloudMgmt.Grains.Clouds;

namespace CloudMgmt.Faults.Tests.Infrastructure;

/// <summary>
/// The controller a run drives, as the model and the invariants see it: one silo in this process
/// (<see cref="FaultHost"/>) or a cluster of controller processes (Cluster/ClusterFaultHost).
/// </summary>
public interface IFaultTarget
{
    /// <summary>The grains, to read what they hold and to act as the elastic pass does.</summary>
    IGrainFactory Grains { get; }

    /// <summary>The grains' clock: a fake one in this process, real time in a cluster.</summary>
    TimeProvider Clock { get; }

    /// <summary>What the scheduled passes do, for the run's clouds: refresh, then make the grants match.</summary>
    Task ReconcileAsync(Model.Tree tree);

    /// <summary>The sandbox cloud behind a registered cloud, as the cloud itself has it.</summary>
    SandboxCloud CloudOf(string id);
}

public static class FaultTargets
{
    public static async Task<IReadOnlyList<DesiredGrant>> DesiredAsync(this IFaultTarget host, string cloud) =>
        await host.Grains.GetGrain<ICloudGrain>(cloud).GetDesired();
}
