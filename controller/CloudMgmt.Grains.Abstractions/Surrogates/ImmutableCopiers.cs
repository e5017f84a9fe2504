using CloudMgmt.Domain.Elastic;
using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;
using Orleans.Serialization.Cloning;

namespace CloudMgmt.Grains.Surrogates;

// The domain's value types are immutable, so a call between grains of one silo may pass the same
// instance instead of a deep copy through the surrogate (every admission passes several of them
// through every pool of its path).

[RegisterCopier]
public sealed class ResourceVectorCopier : IDeepCopier<ResourceVector>
{
    public ResourceVector? DeepCopy(ResourceVector? input, CopyContext context) => input;
}

[RegisterCopier]
public sealed class LedgerResultCopier : IDeepCopier<LedgerResult>
{
    public LedgerResult? DeepCopy(LedgerResult? input, CopyContext context) => input;
}

[RegisterCopier]
public sealed class LedgerEntryCopier : IDeepCopier<LedgerEntry>
{
    public LedgerEntry? DeepCopy(LedgerEntry? input, CopyContext context) => input;
}

[RegisterCopier]
public sealed class ShortfallCopier : IDeepCopier<Shortfall>
{
    public Shortfall? DeepCopy(Shortfall? input, CopyContext context) => input;
}

[RegisterCopier]
public sealed class PoolLimitsCopier : IDeepCopier<PoolLimits>
{
    public PoolLimits? DeepCopy(PoolLimits? input, CopyContext context) => input;
}

[RegisterCopier]
public sealed class ApprovalReasonCopier : IDeepCopier<ApprovalReason>
{
    public ApprovalReason? DeepCopy(ApprovalReason? input, CopyContext context) => input;
}

[RegisterCopier]
public sealed class ElasticThresholdsCopier : IDeepCopier<ElasticThresholds>
{
    public ElasticThresholds? DeepCopy(ElasticThresholds? input, CopyContext context) => input;
}

[RegisterCopier]
public sealed class ResourceRunsCopier : IDeepCopier<ResourceRuns>
{
    public ResourceRuns DeepCopy(ResourceRuns input, CopyContext context) => input;
}
