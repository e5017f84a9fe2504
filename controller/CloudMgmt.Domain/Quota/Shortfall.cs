namespace CloudMgmt.Domain.Quota;

/// <summary>Why a request does not fit: at which pool, for which resource, and by how much.</summary>
/// <param name="PoolId">The pool whose limit is hit.</param>
/// <param name="Resource">The resource that is short.</param>
/// <param name="Requested">What this pool was asked to take on for the request.</param>
/// <param name="Available">What this pool could still take on for it.</param>
public sealed record Shortfall(string PoolId, string Resource, long Requested, long Available)
{
    public long Short => Requested - Available;

    public override string ToString() =>
        $"pool '{PoolId}' is short of {Resource} by {Short} (asked {Requested}, {Available} available)";
}
