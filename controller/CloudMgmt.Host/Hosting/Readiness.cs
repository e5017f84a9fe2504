using Orleans.Runtime;

namespace CloudMgmt.Host.Hosting;

/// <summary>What /readyz answers, decided from the node's state: why it should get no traffic now, or null when it may.</summary>
internal static class Readiness
{
    public static string? WhyNotReady(bool draining, bool startupFinished, SiloStatus silo) =>
        draining ? "this node is shutting down"
        : !startupFinished ? "start-up recovery has not finished"
        // A silo that is joining, shutting down or declared dead must not get traffic.
        : silo != SiloStatus.Active ? $"this silo is {silo} in the cluster, not Active"
        : null;
}
