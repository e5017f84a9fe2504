namespace CloudMgmt.Domain.Allocations;

/// <summary>Where an allocation is in its life.</summary>
public enum AllocationStatus
{
    /// <summary>Accepted for processing; its quota reservation is being made.</summary>
    Pending,

    /// <summary>Quota is reserved, but a pool's approval threshold was crossed: waits for an operator.</summary>
    PendingApproval,

    /// <summary>Quota is reserved. With no cloud registered the controller is a pure quota ledger and it stays here.</summary>
    Admitted,

    /// <summary>Given back; its quota is free again. Final.</summary>
    Released,

    /// <summary>Refused by an operator, or interrupted before it was admitted; holds no quota. Final.</summary>
    Rejected,

    /// <summary>A cloud (or several, when spread) was chosen and holds room for it; the grant is not made yet.</summary>
    Placed,

    /// <summary>The reconciler is making the grant on the cloud.</summary>
    Provisioning,

    /// <summary>The grant exists on the cloud as desired.</summary>
    Ready,

    /// <summary>The grant is being removed from the cloud; the quota returns when it is gone.</summary>
    Releasing,

    /// <summary>Could not be placed or provisioned (the reason is in the history); holds no quota. Final.</summary>
    Failed,

    /// <summary>Its new size is reserved; the reconciler is changing the grant on the cloud.</summary>
    Resizing,
}
