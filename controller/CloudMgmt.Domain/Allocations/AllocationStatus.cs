namespace CloudMgmt.Domain.Allocations;

/// <summary>Where an allocation is in its life. Later issues add placement and provisioning states.</summary>
public enum AllocationStatus
{
    /// <summary>Accepted for processing; its quota reservation is being made.</summary>
    Pending,

    /// <summary>Quota is reserved, but a pool's approval threshold was crossed: waits for an operator.</summary>
    PendingApproval,

    /// <summary>Quota is reserved and the allocation may be used.</summary>
    Admitted,

    /// <summary>Given back; its quota is free again. Final.</summary>
    Released,

    /// <summary>Refused by an operator, or interrupted before it was admitted; holds no quota. Final.</summary>
    Rejected,
}
