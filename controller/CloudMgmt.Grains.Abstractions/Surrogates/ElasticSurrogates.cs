using CloudMgmt.Domain.Elastic;

namespace CloudMgmt.Grains.Surrogates;

[GenerateSerializer]
public struct ElasticThresholdsSurrogate
{
    [Id(0)] public double High;
    [Id(1)] public double Low;
    [Id(2)] public double Idle;
}

[RegisterConverter]
public sealed class ElasticThresholdsConverter : IConverter<ElasticThresholds, ElasticThresholdsSurrogate>
{
    public ElasticThresholds ConvertFromSurrogate(in ElasticThresholdsSurrogate s) => new(s.High, s.Low, s.Idle);

    public ElasticThresholdsSurrogate ConvertToSurrogate(in ElasticThresholds value) => new() { High = value.High, Low = value.Low, Idle = value.Idle };
}

[GenerateSerializer]
public struct ResourceRunsSurrogate
{
    [Id(0)] public DateTimeOffset? HighSince;
    [Id(1)] public double HighMin;
    [Id(2)] public DateTimeOffset? LowSince;
    [Id(3)] public double LowMax;
    [Id(4)] public long LowPeakUsed;
    [Id(5)] public DateTimeOffset? IdleSince;
    [Id(6)] public double IdleMax;
    [Id(7)] public DateTimeOffset? AboveIdleAt;
    [Id(8)] public double AboveIdleRatio;
}

[RegisterConverter]
public sealed class ResourceRunsConverter : IConverter<ResourceRuns, ResourceRunsSurrogate>
{
    public ResourceRuns ConvertFromSurrogate(in ResourceRunsSurrogate s) =>
        new(s.HighSince, s.HighMin, s.LowSince, s.LowMax, s.LowPeakUsed, s.IdleSince, s.IdleMax, s.AboveIdleAt, s.AboveIdleRatio);

    public ResourceRunsSurrogate ConvertToSurrogate(in ResourceRuns v) => new()
    {
        HighSince = v.HighSince, HighMin = v.HighMin, LowSince = v.LowSince, LowMax = v.LowMax, LowPeakUsed = v.LowPeakUsed,
        IdleSince = v.IdleSince, IdleMax = v.IdleMax, AboveIdleAt = v.AboveIdleAt, AboveIdleRatio = v.AboveIdleRatio,
    };
}
