using CloudMgmt.Client.Models;
using Refit;

namespace CloudMgmt.Client.Http;

/// <summary>
/// The REST API as Refit routes: one method per endpoint the client covers. The contract test compares
/// these routes, their parameters and their body and response types with the served OpenAPI document,
/// so a change on either side fails a test instead of a department's system.
/// </summary>
internal interface ICloudMgmtApi
{
    [Post("/api/v1/pools")]
    Task<Pool> CreatePool([Body] NewPool body, CancellationToken ct);

    [Get("/api/v1/pools")]
    Task<IReadOnlyList<Pool>> ListPools(CancellationToken ct);

    [Get("/api/v1/pools/tree")]
    Task<IReadOnlyList<PoolTreeNode>> PoolTree(CancellationToken ct);

    [Get("/api/v1/pools/{id}")]
    Task<Pool> GetPool(string id, CancellationToken ct);

    [Patch("/api/v1/pools/{id}")]
    Task<Pool> UpdatePool(string id, [Body] PoolChanges body, CancellationToken ct);

    [Post("/api/v1/tenants")]
    Task<Tenant> CreateTenant([Body] NewTenant body, CancellationToken ct);

    [Get("/api/v1/tenants")]
    Task<IReadOnlyList<Tenant>> ListTenants(CancellationToken ct);

    [Get("/api/v1/tenants/{id}")]
    Task<Tenant> GetTenant(string id, CancellationToken ct);

    [Post("/api/v1/allocations")]
    Task<Allocation> CreateAllocation(
        [Body] NewAllocation body, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken ct);

    [Post("/api/v1/allocations?dryRun=true")]
    Task<DryRunResult> DryRunAllocation([Body] NewAllocation body, CancellationToken ct);

    [Get("/api/v1/allocations")]
    Task<Page<AllocationSummary>> ListAllocations(
        [Query] string? tenant, [Query] string? status, [Query] int? limit, [Query] string? after, CancellationToken ct);

    [Get("/api/v1/allocations/{id}")]
    Task<Allocation> GetAllocation(string id, CancellationToken ct);

    [Get("/api/v1/allocations/{id}/placement")]
    Task<PlacementExplanation> ExplainPlacement(string id, CancellationToken ct);

    /// <summary>An RFC 7396 merge patch: the amounts given change, the others stay.</summary>
    [Patch("/api/v1/allocations/{id}")]
    [Headers("Content-Type: application/merge-patch+json")]
    Task<Allocation> ResizeAllocation(string id, [Body] AllocationResize body, CancellationToken ct);

    [Delete("/api/v1/allocations/{id}")]
    Task<Allocation> ReleaseAllocation(string id, CancellationToken ct);

    [Post("/api/v1/allocations/{id}/approve")]
    Task<Allocation> ApproveAllocation(string id, [Body] DecisionNote body, CancellationToken ct);

    [Post("/api/v1/allocations/{id}/reject")]
    Task<Allocation> RejectAllocation(string id, [Body] DecisionNote body, CancellationToken ct);

    [Post("/api/v1/allocations/{id}/protect")]
    Task<Allocation> ProtectAllocation(string id, [Body] Protection body, CancellationToken ct);

    [Post("/api/v1/allocations/{id}/postpone")]
    Task<Allocation> PostponeReclaim(string id, [Body] Postponement body, CancellationToken ct);

    [Get("/api/v1/events")]
    Task<ElasticEvents> ElasticEvents(
        [Query] string? kind, [Query] string? tenant, [Query] DateTimeOffset? since, [Query] int? limit, CancellationToken ct);

    [Post("/api/v1/keys")]
    Task<IssuedApiKey> CreateKey([Body] NewApiKey body, CancellationToken ct);

    [Get("/api/v1/keys")]
    Task<IReadOnlyList<ApiKey>> ListKeys(CancellationToken ct);

    [Delete("/api/v1/keys/{id}")]
    Task RevokeKey(string id, CancellationToken ct);

    [Post("/api/v1/keys/{id}/rotate")]
    Task<IssuedApiKey> RotateKey(string id, [Body] KeyRotation body, CancellationToken ct);

    [Get("/api/v1/audit")]
    Task<AuditPage> Audit(
        [Query] string? actor, [Query] string? action, [Query] string? target, [Query] DateTimeOffset? from, [Query] DateTimeOffset? to,
        [Query] int? limit, [Query] long? after, CancellationToken ct);

    [Get("/api/v1/audit?format=csv")]
    Task<string> AuditCsv(
        [Query] string? actor, [Query] string? action, [Query] string? target, [Query] DateTimeOffset? from, [Query] DateTimeOffset? to,
        [Query] int? limit, [Query] long? after, CancellationToken ct);

    [Get("/api/v1/audit/verify")]
    Task<AuditVerification> VerifyAudit(CancellationToken ct);

    [Post("/api/v1/clouds")]
    Task<Cloud> RegisterCloud([Body] NewCloud body, CancellationToken ct);

    [Post("/api/v1/clouds?dryRun=true")]
    Task<CloudDryRun> DryRunCloud([Body] NewCloud body, CancellationToken ct);

    [Get("/api/v1/clouds")]
    Task<IReadOnlyList<Cloud>> ListClouds(CancellationToken ct);

    [Get("/api/v1/clouds/{id}")]
    Task<Cloud> GetCloud(string id, CancellationToken ct);

    [Patch("/api/v1/clouds/{id}")]
    Task<Cloud> UpdateCloud(string id, [Body] CloudChanges body, CancellationToken ct);

    [Delete("/api/v1/clouds/{id}")]
    Task RemoveCloud(string id, CancellationToken ct);

    [Post("/api/v1/clouds/{id}/drain")]
    Task<Cloud> DrainCloud(string id, CancellationToken ct);

    [Post("/api/v1/clouds/{id}/undrain")]
    Task<Cloud> UndrainCloud(string id, CancellationToken ct);

    [Post("/api/v1/clouds/{id}/reconcile")]
    Task<Cloud> ReconcileCloud(string id, CancellationToken ct);

    [Post("/api/v1/reconcile")]
    Task<ReconcileResult> ReconcileAll(CancellationToken ct);

    [Get("/api/v1/reports/efficiency")]
    Task<EfficiencyReport> EfficiencyReport(
        [Query] DateTimeOffset? from, [Query] DateTimeOffset? to, [Query] string? by, [Query] string? step, CancellationToken ct);

    [Get("/api/v1/reports/efficiency?format=csv")]
    Task<string> EfficiencyReportCsv(
        [Query] DateTimeOffset? from, [Query] DateTimeOffset? to, [Query] string? by, [Query] string? step, CancellationToken ct);

    [Get("/api/v1/reports/statement")]
    Task<Statement> Statement([Query] string? month, [Query] string? by, CancellationToken ct);

    [Get("/api/v1/reports/statement?format=csv")]
    Task<string> StatementCsv([Query] string? month, [Query] string? by, CancellationToken ct);

    [Get("/api/v1/reports/budgets")]
    Task<IReadOnlyList<PoolBudget>> Budgets([Query] string? month, CancellationToken ct);

    [Get("/api/v1/reports/supervision")]
    Task<SupervisionReport> Supervision([Query] string? month, CancellationToken ct);

    [Get("/api/v1/reports/supervision?format=csv")]
    Task<string> SupervisionCsv([Query] string? month, CancellationToken ct);
}
