using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Grains.Surrogates;

[GenerateSerializer]
public struct ShortfallSurrogate
{
    [Id(0)] public string PoolId;
    [Id(1)] public string Resource;
    [Id(2)] public long Requested;
    [Id(3)] public long Available;
}

[RegisterConverter]
public sealed class ShortfallConverter : IConverter<Shortfall, ShortfallSurrogate>
{
    public Shortfall ConvertFromSurrogate(in ShortfallSurrogate s) => new(s.PoolId, s.Resource, s.Requested, s.Available);

    public ShortfallSurrogate ConvertToSurrogate(in Shortfall v) =>
        new() { PoolId = v.PoolId, Resource = v.Resource, Requested = v.Requested, Available = v.Available };
}

[GenerateSerializer]
public struct ApprovalReasonSurrogate
{
    [Id(0)] public string PoolId;
    [Id(1)] public string Resource;
    [Id(2)] public long Requested;
    [Id(3)] public long Threshold;
}

[RegisterConverter]
public sealed class ApprovalReasonConverter : IConverter<ApprovalReason, ApprovalReasonSurrogate>
{
    public ApprovalReason ConvertFromSurrogate(in ApprovalReasonSurrogate s) => new(s.PoolId, s.Resource, s.Requested, s.Threshold);

    public ApprovalReasonSurrogate ConvertToSurrogate(in ApprovalReason v) =>
        new() { PoolId = v.PoolId, Resource = v.Resource, Requested = v.Requested, Threshold = v.Threshold };
}

[GenerateSerializer]
public struct LedgerResultSurrogate
{
    [Id(0)] public ResourceVector Spill;
    [Id(1)] public List<Shortfall> Shortfalls;
    [Id(2)] public LedgerEntry? Previous;
}

[RegisterConverter]
public sealed class LedgerResultConverter : IConverter<LedgerResult, LedgerResultSurrogate>
{
    public LedgerResult ConvertFromSurrogate(in LedgerResultSurrogate s) => new(s.Spill, s.Shortfalls ?? [], s.Previous);

    public LedgerResultSurrogate ConvertToSurrogate(in LedgerResult v) =>
        new() { Spill = v.Spill, Shortfalls = [.. v.Shortfalls], Previous = v.Previous };
}

[GenerateSerializer]
public struct LedgerEntrySurrogate
{
    [Id(0)] public ResourceVector Local;
    [Id(1)] public ResourceVector Spill;
}

[RegisterConverter]
public sealed class LedgerEntryConverter : IConverter<LedgerEntry, LedgerEntrySurrogate>
{
    public LedgerEntry ConvertFromSurrogate(in LedgerEntrySurrogate s) => new(s.Local, s.Spill);

    public LedgerEntrySurrogate ConvertToSurrogate(in LedgerEntry v) => new() { Local = v.Local, Spill = v.Spill };
}

[GenerateSerializer]
public struct PoolLimitsSurrogate
{
    [Id(0)] public ResourceVector SubtreeQuota;
    [Id(1)] public ResourceVector Guaranteed;
    [Id(2)] public ResourceVector SpillCap;
}

[RegisterConverter]
public sealed class PoolLimitsConverter : IConverter<PoolLimits, PoolLimitsSurrogate>
{
    public PoolLimits ConvertFromSurrogate(in PoolLimitsSurrogate s) => new(s.SubtreeQuota, s.Guaranteed, s.SpillCap);

    public PoolLimitsSurrogate ConvertToSurrogate(in PoolLimits v) =>
        new() { SubtreeQuota = v.SubtreeQuota, Guaranteed = v.Guaranteed, SpillCap = v.SpillCap };
}

[GenerateSerializer]
public struct PathOutcomeSurrogate
{
    [Id(0)] public bool Accepted;
    [Id(1)] public List<Shortfall> Shortfalls;
    [Id(2)] public int Reach;
}

[RegisterConverter]
public sealed class PathOutcomeConverter : IConverter<PathOutcome, PathOutcomeSurrogate>
{
    public PathOutcome ConvertFromSurrogate(in PathOutcomeSurrogate s) => new(s.Accepted, s.Shortfalls ?? [], s.Reach);

    public PathOutcomeSurrogate ConvertToSurrogate(in PathOutcome v) =>
        new() { Accepted = v.Accepted, Shortfalls = [.. v.Shortfalls], Reach = v.Reach };
}
