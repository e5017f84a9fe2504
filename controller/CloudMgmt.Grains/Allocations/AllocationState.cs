using CloudMgmt.Domain.Allocations;

namespace CloudMgmt.Grains.Allocations;

/// <summary>
/// Work that changes the reservation along the path, recorded before it starts so that a crash midway
/// is finished on the next activation (see <see cref="CloudMgmt.Domain.Allocations.ChangePlan"/>):
/// <see cref="AllocationState.WorkFrom"/> is the size before, <see cref="AllocationState.WorkTo"/> the size asked for.
/// </summary>
[GenerateSerializer]
public enum PendingWork
{
    None,
    Resize,
    Release,
    Reject,

    /// <summary>A placement failed: the quota returns and the allocation becomes Failed.</summary>
    Fail,
}

[GenerateSerializer]
public sealed class AllocationState
{
    [Id(0)] public string Tenant { get; set; } = "";
    [Id(1)] public List<string> Path { get; set; } = [];
    [Id(2)] public Dictionary<string, long> Resources { get; set; } = [];
    [Id(3)] public int Reach { get; set; }
    [Id(4)] public AllocationStatus Status { get; set; }
    [Id(5)] public Dictionary<string, string> Constraints { get; set; } = [];
    [Id(6)] public int Priority { get; set; }
    [Id(7)] public string RequestHash { get; set; } = "";
    [Id(8)] public List<ApprovalReasonState> ApprovalReasons { get; set; } = [];
    [Id(9)] public List<EventState> History { get; set; } = [];
    [Id(10)] public DateTimeOffset CreatedAt { get; set; }
    [Id(11)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(12)] public PendingWork Work { get; set; }
    [Id(13)] public Dictionary<string, long> WorkFrom { get; set; } = [];
    [Id(14)] public Dictionary<string, long> WorkTo { get; set; } = [];
    [Id(15)] public string? WorkBy { get; set; }
    [Id(16)] public string? WorkNote { get; set; }

    /// <summary>The placement decision as JSON (kept as shown to users: verdicts, scores, choice).</summary>
    [Id(17)] public string? Placement { get; set; }

    /// <summary>The share placed on each cloud.</summary>
    [Id(18)] public Dictionary<string, Dictionary<string, long>> Shares { get; set; } = [];

    /// <summary>The clouds where the grant exists as desired, with its id there.</summary>
    [Id(19)] public Dictionary<string, string> Provisioned { get; set; } = [];

    [Id(20)] public string? LastGrantError { get; set; }

    [Id(21)] public ElasticState Elastic { get; set; } = new();
}

[GenerateSerializer]
public sealed class ApprovalReasonState
{
    [Id(0)] public string PoolId { get; set; } = "";
    [Id(1)] public string Resource { get; set; } = "";
    [Id(2)] public long Requested { get; set; }
    [Id(3)] public long Threshold { get; set; }
}

[GenerateSerializer]
public sealed class EventState
{
    [Id(0)] public DateTimeOffset At { get; set; }
    [Id(1)] public AllocationStatus Status { get; set; }
    [Id(2)] public string Message { get; set; } = "";
    [Id(3)] public string? By { get; set; }
}
