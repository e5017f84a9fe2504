using CloudMgmt.Grains.Keys;

namespace CloudMgmt.Application.Access;

/// <summary>
/// Something a caller may ask for, by the name the audit trail records it under, with the roles
/// that may ever do it. Whether this caller may do it to this resource is <see cref="AccessPolicy"/>'s
/// decision: the roles are the first half of it, the caller's part of the tree the second.
/// </summary>
/// <param name="WholeTreeOnly">Only callers that reach the whole tree (unscoped operators or viewers): clouds, policies, global settings.</param>
/// <param name="Changes">Whether it changes anything (every such request leaves an audit record).</param>
public sealed record Operation(string Name, IReadOnlyList<ApiRole> Roles, bool WholeTreeOnly = false, bool Changes = true)
{
    public override string ToString() => Name;
}

/// <summary>Every operation of the application layer.</summary>
public static class Operations
{
    private static readonly ApiRole[] Readers = [ApiRole.Operator, ApiRole.Department, ApiRole.Viewer];
    private static readonly ApiRole[] Requesters = [ApiRole.Operator, ApiRole.Department];
    private static readonly ApiRole[] Operators = [ApiRole.Operator];

    public static readonly Operation PoolRead = Read("pool.read");
    public static readonly Operation PoolCreate = new("pool.create", Operators);
    public static readonly Operation PoolUpdate = new("pool.update", Operators);

    public static readonly Operation TenantRead = Read("tenant.read");
    public static readonly Operation TenantCreate = new("tenant.create", Operators);

    public static readonly Operation KeyRead = new("key.read", Operators, Changes: false);
    public static readonly Operation KeyCreate = new("key.create", Operators);
    public static readonly Operation KeyRotate = new("key.rotate", Operators);
    public static readonly Operation KeyRevoke = new("key.revoke", Operators);

    public static readonly Operation CloudRead = Read("cloud.read");
    public static readonly Operation CloudRegister = Global("cloud.register");
    public static readonly Operation CloudUpdate = Global("cloud.update");
    public static readonly Operation CloudDrain = Global("cloud.drain");
    public static readonly Operation CloudUndrain = Global("cloud.undrain");
    public static readonly Operation CloudRemove = Global("cloud.remove");
    public static readonly Operation CloudReconcile = Global("cloud.reconcile");
    public static readonly Operation ReconcileRun = Global("reconcile.run");

    public static readonly Operation AllocationRead = Read("allocation.read");
    public static readonly Operation AllocationCreate = new("allocation.create", Requesters);
    public static readonly Operation AllocationResize = new("allocation.resize", Requesters);
    public static readonly Operation AllocationRelease = new("allocation.release", Requesters);
    public static readonly Operation AllocationApprove = new("allocation.approve", Operators);
    public static readonly Operation AllocationReject = new("allocation.reject", Operators);
    public static readonly Operation AllocationProtect = new("allocation.protect", Operators);
    public static readonly Operation AllocationPostpone = new("allocation.postpone", Operators);

    public static readonly Operation EventRead = Read("event.read");
    public static readonly Operation ReportRead = Read("report.read");

    /// <summary>Per-pool reports (budgets, a statement by pool): for operators and viewers; a department sees its own statement.</summary>
    public static readonly Operation PoolReportRead = new("report.pools", [ApiRole.Operator, ApiRole.Viewer], Changes: false);
    public static readonly Operation AuditRead = Read("audit.read");
    public static readonly Operation AuditVerify = new("audit.verify", [ApiRole.Operator, ApiRole.Viewer], WholeTreeOnly: true, Changes: false);

    private static Operation Read(string name) => new(name, Readers, Changes: false);

    private static Operation Global(string name) => new(name, Operators, WholeTreeOnly: true);
}
