namespace CloudMgmt.Cluster.Tests.Cluster;

/// <summary>Settings the multi-process tests share: no sandbox clouds (each node would keep its own), and quick failure detection.</summary>
internal static class ClusterArgs
{
    public static readonly string[] Common =
    [
        "--Sandbox:RegisterDefaults", "false",
        "--Reservations:ConfirmAfter", "00:00:02",
        "--Cluster:Membership:ProbeTimeout", "00:00:01",
        "--Cluster:Membership:NumMissedProbesLimit", "2",
        "--Cluster:Membership:TableRefreshTimeout", "00:00:02",
        "--Cluster:Membership:IAmAliveTablePublishTimeout", "00:00:02",
        "--Cluster:Quartz:CheckinInterval", "00:00:02",
        "--Cluster:Quartz:CheckinMisfireThreshold", "00:00:04",
        "--Cluster:Quartz:MisfireThreshold", "00:00:01",
    ];

    public static string[] With(params string[] more) => [.. Common, .. more];
}
